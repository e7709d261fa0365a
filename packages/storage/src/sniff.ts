import { fileTypeFromBuffer } from 'file-type';

/**
 * What may be filed as evidence, decided from the bytes, never the name: an executable
 * renamed to .jpg is still refused. Photos, scans, office documents, audio and video (the
 * speeches ask for all of them), and plain text.
 */
export const ALLOWED_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/x-cfb': 'doc',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'text/plain': 'txt',
};

/** How many leading bytes the sniffer reads. */
export const SNIFF_BYTES = 4100;

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sample is fine; anything else invalid is not text.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

export async function sniffType(head: Uint8Array): Promise<{ mime: string; ext: string } | null> {
  const found = await fileTypeFromBuffer(head);
  if (found) return ALLOWED_TYPES[found.mime] ? { mime: found.mime, ext: ALLOWED_TYPES[found.mime]! } : null;
  return looksLikeText(head) ? { mime: 'text/plain', ext: 'txt' } : null;
}
