import { z } from 'zod';
import { ZId, ZIsoDate, ZIsoDateTime } from '../common/schemas';
import { STATUS_ACTIONS, STATUS_LEVELS } from './levels';

export const ZStatusLevel = z.enum(STATUS_LEVELS);
export const ZStatusAction = z.enum(STATUS_ACTIONS);

export const ZStatusRecord = z.object({
  id: ZId,
  unitId: ZId,
  action: ZStatusAction,
  level: ZStatusLevel,
  termStartYear: z.number().int().nullable(),
  termEndYear: z.number().int().nullable(),
  decisionNo: z.string().nullable(),
  decidedOn: ZIsoDate.nullable(),
  reason: z.string().nullable(),
  /** A yellow card's rectification deadline. */
  deadline: ZIsoDate.nullable(),
  /** The inspection that carried out a re-examination, when the caller may see it. */
  inspection: z.object({ id: ZId, title: z.string() }).nullable(),
  recordedAt: ZIsoDateTime,
});
export type TStatusRecord = z.infer<typeof ZStatusRecord>;

export const ZStatusHistoryInput = z.object({ id: ZId });
export const ZStatusHistory = z.object({ items: z.array(ZStatusRecord) });
export type TStatusHistory = z.infer<typeof ZStatusHistory>;
