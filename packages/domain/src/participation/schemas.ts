import { z } from 'zod';
import { ZCursor, ZId, ZIsoDateTime, ZLimit, zName, zPage, zText } from '../common/schemas';

export const SUGGESTION_STATUSES = ['open', 'adopted', 'noted', 'declined'] as const;
export const ZSuggestionStatus = z.enum(SUGGESTION_STATUSES);

export const ZCreateSuggestion = z.object({ campaignId: ZId, title: zName(200), body: zName(5000) });
export const ZReplySuggestion = z.object({
  id: ZId,
  status: ZSuggestionStatus.exclude(['open']),
  reply: zName(2000),
  /** Adopted suggestions become (or join) a task of the campaign. */
  taskId: ZId.optional(),
  /** The suggestion's version the editor started from: a second reply cannot silently replace the first. */
  version: z.number().int().min(1),
});
export const ZSuggestion = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  campaignId: ZId.nullable(),
  authorName: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  status: ZSuggestionStatus,
  reply: z.string().nullable(),
  repliedAt: ZIsoDateTime.nullable(),
  taskId: ZId.nullable(),
  /** The task an adopted suggestion became, by name. */
  taskTitle: z.string().nullable(),
  createdAt: ZIsoDateTime,
  version: z.number().int(),
});
export const ZSuggestionPage = zPage(ZSuggestion);
export const ZListSuggestions = z.object({
  /** One suggestion: how a reply form reloads the one it answers after someone else did. */
  id: ZId.optional(),
  campaignId: ZId.optional(),
  unitId: ZId.optional(),
  status: ZSuggestionStatus.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const ZCreateWriteup = z.object({ campaignId: ZId, title: zName(200), body: zName(20_000) });
export const ZWriteup = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  campaignId: ZId,
  authorName: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: ZIsoDateTime,
});
export const ZWriteupPage = zPage(ZWriteup);
/** Without a campaign: every write-up the caller may read (an office across its units). */
export const ZListWriteups = z.object({
  campaignId: ZId.optional(),
  unitId: ZId.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const SELECTION_CATEGORIES = [
  'civilized_department',
  'civilized_staff',
  'post_expert',
  'moral_model',
  'other',
] as const;
export const ZSelectionCategory = z.enum(SELECTION_CATEGORIES);
export const ZCreateSelection = z.object({
  unitId: ZId,
  campaignId: ZId.optional(),
  title: zName(200),
  category: ZSelectionCategory,
  winners: z.number().int().min(1).max(50).default(1),
});
export const ZNominate = z.object({
  selectionId: ZId,
  name: zName(50),
  departmentId: ZId.optional(),
  reason: zText(1000).default(''),
});
export const ZVote = z.object({ selectionId: ZId, nomineeId: ZId });
export const ZSelectionStep = z.object({ id: ZId });
export const ZSelection = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  campaignId: ZId.nullable(),
  title: z.string(),
  category: ZSelectionCategory,
  status: z.enum(['nominating', 'voting', 'published']),
  winners: z.number().int(),
  nominees: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      departmentName: z.string().nullable(),
      reason: z.string(),
      votes: z.number().int().nullable(),
      won: z.boolean(),
    }),
  ),
  votesCast: z.number().int(),
  myVote: ZId.nullable(),
  evidenceId: ZId.nullable(),
  publishedAt: ZIsoDateTime.nullable(),
});
export type TSelection = z.infer<typeof ZSelection>;
export const ZListSelections = z.object({ unitId: ZId.optional() });
export const ZSelectionList = z.object({ items: z.array(ZSelection) });
export type TSuggestion = z.infer<typeof ZSuggestion>;
export type TWriteup = z.infer<typeof ZWriteup>;
