import { z } from 'zod';
import { ZCursor, ZId, ZIsoDate, ZLimit, zName, zPage, zText } from '../common/schemas';
import { ZStatusAction, ZStatusLevel } from './schemas';
import { MANAGEMENT_ACTIONS } from './standing';

export const STANDINGS = ['none', 'held', 'yellow_card', 'expired', 'revoked', 'lapsed'] as const;
export const ZStanding = z.enum(STANDINGS);

export const ZStatusRegisterQuery = z.object({
  officeId: ZId.optional(),
  level: ZStatusLevel.optional(),
  standing: ZStanding.optional(),
  /** Terms ending this year or next: renewal campaigns are due. */
  termEndingSoon: z.boolean().optional(),
  q: zText(100).optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const ZStatusRegisterEntry = z.object({
  unitId: ZId,
  unitCode: z.string(),
  unitName: z.string(),
  officeId: ZId,
  officeName: z.string(),
  level: ZStatusLevel,
  termStartYear: z.number().int().nullable(),
  termEndYear: z.number().int().nullable(),
  decisionNo: z.string().nullable(),
  standing: ZStanding,
  lastAction: ZStatusAction.nullable(),
  lastDecidedOn: ZIsoDate.nullable(),
  /** The yellow card's rectification deadline, while it stands. */
  deadline: ZIsoDate.nullable(),
  termEndsSoon: z.boolean(),
  allowedActions: z.array(z.enum(MANAGEMENT_ACTIONS)),
});
export type TStatusRegisterEntry = z.infer<typeof ZStatusRegisterEntry>;
export const ZStatusRegisterPage = zPage(ZStatusRegisterEntry).extend({
  counts: z.object({
    held: z.number().int(),
    yellowCard: z.number().int(),
    revoked: z.number().int(),
    endingSoon: z.number().int(),
  }),
});

/** Each step of dynamic management names its reason and its decision document. */
const ZStep = z.object({
  unitId: ZId,
  reason: zName(1000),
  decisionNo: zName(100),
  decidedOn: ZIsoDate,
});
export const ZYellowCard = ZStep.extend({ deadline: ZIsoDate });
export const ZStatusStep = ZStep;
export const ZReexamine = ZStep.extend({
  outcome: z.enum(['retain', 'yellow_card', 'revocation', 'lapse']),
  deadline: ZIsoDate.optional(),
  inspectionId: ZId.optional(),
});

/** The re-examinations an inspection carried out, as the register recorded them. */
export const ZReexaminationsOf = z.object({ inspectionId: ZId });
export const ZReexaminationList = z.object({
  items: z.array(
    z.object({
      id: ZId,
      unitId: ZId,
      unitName: z.string(),
      action: ZStatusAction,
      decisionNo: z.string().nullable(),
      decidedOn: ZIsoDate.nullable(),
    }),
  ),
});
export type TReexaminationList = z.infer<typeof ZReexaminationList>;
