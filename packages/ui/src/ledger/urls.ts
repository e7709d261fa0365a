/** Where an attachment of an evidence item is served (same origin, the session cookie decides). */
export function attachmentUrl(evidenceId: string, position: number): string {
  return `/api/download/evidence.file?evidenceId=${encodeURIComponent(evidenceId)}&position=${position}`;
}

/** The campaign's whole ledger as a ZIP, by category and indicator (整理装订). */
export function archiveUrl(campaignId: string): string {
  return `/api/download/ledger.zip?campaignId=${encodeURIComponent(campaignId)}`;
}

/** 0…1 as a whole percentage. */
export function percent(share: number): number {
  return Math.round(Math.max(0, Math.min(1, share)) * 100);
}

/** File sizes the way people read them: 820 B, 14 KB, 3.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
