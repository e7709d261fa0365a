/** What the browser read from the picked file, ready for framework.import or importXlsx. */
export type PickedFile =
  | { kind: 'json'; name: string; file: unknown }
  | { kind: 'xlsx'; name: string; dataBase64: string }
  | { kind: 'error'; name: string; reason: 'type' | 'size' | 'json'; detail?: string };

/** The server takes at most ~1.4 MB of base64; frameworks are a few dozen KB. */
export const MAX_BYTES = 1_000_000;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: spreading a whole workbook into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export async function readFrameworkFile(file: File): Promise<PickedFile> {
  const name = file.name;
  const lower = name.toLowerCase();
  if (file.size > MAX_BYTES) return { kind: 'error', name, reason: 'size' };
  if (lower.endsWith('.json')) {
    try {
      return { kind: 'json', name, file: JSON.parse(await file.text()) };
    } catch (error) {
      return {
        kind: 'error',
        name,
        reason: 'json',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }
  if (lower.endsWith('.xlsx')) return { kind: 'xlsx', name, dataBase64: toBase64(await file.arrayBuffer()) };
  return { kind: 'error', name, reason: 'type' };
}

export interface Problem {
  /** JSON path or sheet/row/column, as the server named it; empty for the whole file. */
  where: string;
  message: string;
  rule?: string;
}

/**
 * The server's problem lines read "file: path: message [rule]" (JSON) or
 * "file: sheet row N column C: message" (workbooks); split them so each part can be shown.
 */
export function parseProblem(line: string, fileName: string): Problem {
  let rest = line.startsWith(`${fileName}: `) ? line.slice(fileName.length + 2) : line;
  const rule = /\s\[([\w-]+)\]$/.exec(rest);
  if (rule) rest = rest.slice(0, rule.index);
  const split = rest.indexOf(': ');
  if (split < 0) return { where: '', message: rest, rule: rule?.[1] };
  return { where: rest.slice(0, split), message: rest.slice(split + 2), rule: rule?.[1] };
}
