/**
 * Matching a framework's required materials (an indicator's `evidence` list) against the
 * evidence filed for it. A material is met by an active item linked to the indicator that
 * either says it is that material, or whose title names it.
 */
export interface FiledItem {
  id: string;
  title: string;
  materials: string[];
}

export function matchMaterials(required: string[], filed: FiledItem[]) {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const materials = required.map((name) => {
    const evidenceIds = filed
      .filter(
        (item) => item.materials.some((m) => norm(m) === norm(name)) || norm(item.title).includes(norm(name)),
      )
      .map((item) => item.id);
    return { name, met: evidenceIds.length > 0, evidenceIds };
  });
  const readiness =
    required.length === 0
      ? filed.length > 0
        ? 1
        : 0
      : materials.filter((m) => m.met).length / required.length;
  return { materials, readiness };
}

/** A category's readiness, its indicators weighted by points (so a 10-point gap weighs more than a 1-point one). */
export function weightedReadiness(parts: { points: number; readiness: number }[]): number {
  const total = parts.reduce((n, p) => n + p.points, 0);
  if (total === 0) return parts.length ? parts.reduce((n, p) => n + p.readiness, 0) / parts.length : 0;
  return parts.reduce((n, p) => n + p.points * p.readiness, 0) / total;
}

/** Whole days from the event to its filing, counted in China's calendar. */
export function lagDays(eventDate: string, capturedAt: Date): number {
  const captured = new Date(capturedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(captured) - Date.parse(eventDate)) / 86_400_000);
}

export const FRESH_WITHIN_DAYS = 7;
