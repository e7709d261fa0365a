import { z } from 'zod';
import { ZCursor, ZId, ZIsoDateTime, ZLimit, zName, zPage } from '../common/schemas';

/** 通报: praise for the good, criticism of the lagging, or a notice to rectify. */
export const BULLETIN_KINDS = ['praise', 'criticism', 'rectification'] as const;
export const ZBulletinKind = z.enum(BULLETIN_KINDS);
export type BulletinKind = z.infer<typeof ZBulletinKind>;

export const ZPublishBulletin = z.object({
  officeId: ZId,
  kind: ZBulletinKind,
  title: zName(200),
  body: zName(20_000),
  /** The units addressed: each must acknowledge. */
  unitIds: z.array(ZId).min(1).max(500),
  /** The inspection the bulletin reports on, and the findings it names (all optional). */
  inspectionId: ZId.optional(),
  findingIds: z.array(ZId).max(100).default([]),
});
export type TPublishBulletin = z.input<typeof ZPublishBulletin>;

/** One addressed unit and its receipt: first read and acknowledgement, who and when. */
export const ZBulletinRecipient = z.object({
  unitId: ZId,
  unitName: z.string(),
  readAt: ZIsoDateTime.nullable(),
  readByName: z.string().nullable(),
  acknowledgedAt: ZIsoDateTime.nullable(),
  acknowledgedByName: z.string().nullable(),
});

export const ZBulletin = z.object({
  id: ZId,
  officeId: ZId,
  officeName: z.string(),
  kind: ZBulletinKind,
  title: z.string(),
  body: z.string(),
  inspectionId: ZId.nullable(),
  inspectionTitle: z.string().nullable(),
  findings: z.array(z.object({ id: ZId, unitId: ZId, description: z.string() })),
  publishedAt: ZIsoDateTime,
  publishedByName: z.string().nullable(),
  /** Office staff see every addressed unit; a unit sees only its own receipt. */
  recipients: z.array(ZBulletinRecipient),
  /** Whether the caller may acknowledge it now (a unit's campaign office that has not yet). */
  canAcknowledge: z.boolean(),
});
export type TBulletin = z.infer<typeof ZBulletin>;

export const ZListBulletins = z.object({
  unitId: ZId.optional(),
  kind: ZBulletinKind.optional(),
  /** Only bulletins some addressed unit (in the caller's view) has not acknowledged. */
  unacknowledged: z.boolean().optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const ZBulletinSummary = ZBulletin.pick({
  id: true,
  officeId: true,
  officeName: true,
  kind: true,
  title: true,
  publishedAt: true,
}).extend({
  /** Addressed units visible to the caller, and how many of them acknowledged. */
  recipients: z.number().int(),
  acknowledged: z.number().int(),
  read: z.number().int(),
});
export const ZBulletinPage = zPage(ZBulletinSummary);

/** A unit's campaign office acknowledges; `unitId` is needed only by someone acting for several units. */
export const ZAcknowledgeBulletin = z.object({ id: ZId, unitId: ZId.optional() });
