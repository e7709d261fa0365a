import { z } from 'zod';
import { ZId } from '../common/schemas';

export const OFFICE_LEVELS = ['province', 'city', 'district'] as const;
export const ZOfficeLevel = z.enum(OFFICE_LEVELS);

export const ZOfficeNode = z.object({
  id: ZId,
  parentId: ZId.nullable(),
  code: z.string(),
  name: z.string(),
  level: ZOfficeLevel,
  unitCount: z.number().int(),
});
export type TOfficeNode = z.infer<typeof ZOfficeNode>;
/** The caller's visible offices, flat, parents before children; the UI nests them. */
export const ZOfficeTree = z.object({ items: z.array(ZOfficeNode) });
export type TOfficeTree = z.infer<typeof ZOfficeTree>;
