import { z } from 'zod';

export const ZId = z.uuid();
/** Keyset cursors are opaque to clients. */
export const ZCursor = z.string().max(500);
export const ZLimit = z.number().int().min(1).max(200).default(20);
export const ZSortDirection = z.enum(['asc', 'desc']);
/** Text typed by a person: trimmed, no control characters, bounded. */
export const zText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: 'control characters are not allowed',
    });
export const zName = (max = 100) => zText(max).pipe(z.string().min(1));
export const ZIsoDateTime = z.iso.datetime({ offset: true });
export const ZIsoDate = z.iso.date();
export const ZYear = z.number().int().min(1949).max(2200);

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ZById = z.object({ id: ZId });
