import { z } from 'zod';
import { ZCursor, ZId, ZIsoDate, ZIsoDateTime, ZLimit, zName, zPage, zText } from '../common/schemas';

/** What the speeches say a ledger must keep (台账), plus activities (载体活动). */
export const EVIDENCE_KINDS = [
  'organization',
  'plan',
  'campaign_document',
  'meeting_minutes',
  'activity_record',
  'rules',
  'inspection_record',
  'summary',
  'evaluation_record',
  'application_form',
  'approval_form',
  'survey_form',
  'opinion_form',
  'public_feedback',
  'activity',
  'other',
] as const;
export const ZEvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof ZEvidenceKind>;

/** The national 2020 rule: an explanation per linked indicator of at most 500 characters. */
export const MAX_EXPLANATION = 500;
export const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'not a file id' });

export const ZEvidenceIndicatorInput = z.object({
  indicatorId: ZId,
  explanation: zText(MAX_EXPLANATION).default(''),
  /** Which of the indicator's required materials this item is (names from the framework's list). */
  materials: z.array(zText(200)).max(50).default([]),
});

const evidenceFields = {
  kind: ZEvidenceKind,
  title: zName(200),
  description: zText(5000).default(''),
  eventDate: ZIsoDate,
  departmentId: ZId.nullable().default(null),
  keeper: zText(50).nullable().default(null),
  participants: z.number().int().min(0).max(1_000_000).nullable().default(null),
  place: zText(200).nullable().default(null),
  indicators: z.array(ZEvidenceIndicatorInput).max(50).default([]),
  taskIds: z.array(ZId).max(50).default([]),
  attachments: z
    .array(z.object({ sha256: ZSha256, name: zText(200).pipe(z.string().min(1)) }))
    .max(100)
    .default([]),
};

export const ZCreateEvidence = z.object({ campaignId: ZId, ...evidenceFields });
export type TCreateEvidence = z.input<typeof ZCreateEvidence>;
/** A revision replaces the content; `revision` is the one the editor saw (stale → CONFLICT). */
export const ZReviseEvidence = z.object({ id: ZId, revision: z.number().int().min(1), ...evidenceFields });
export const ZRetractEvidence = z.object({ id: ZId, reason: zName(500) });

export const ZEvidence = z.object({
  id: ZId,
  unitId: ZId,
  campaignId: ZId.nullable(),
  kind: ZEvidenceKind,
  title: z.string(),
  description: z.string(),
  eventDate: ZIsoDate,
  capturedAt: ZIsoDateTime,
  /** Days between the event and its filing: recording as work happens is what counts. */
  lagDays: z.number().int(),
  departmentId: ZId.nullable(),
  departmentName: z.string().nullable(),
  keeper: z.string().nullable(),
  participants: z.number().int().nullable(),
  place: z.string().nullable(),
  revision: z.number().int(),
  /** Set on items carried forward from the previous term: their lag is not late filing. */
  carriedFrom: ZId.nullable(),
  retracted: z.boolean(),
  retractReason: z.string().nullable(),
  indicators: z.array(
    z.object({
      id: ZId,
      code: z.string(),
      name: z.string(),
      explanation: z.string(),
      materials: z.array(z.string()),
    }),
  ),
  tasks: z.array(z.object({ id: ZId, title: z.string() })),
  attachments: z.array(
    z.object({
      position: z.number().int(),
      sha256: ZSha256,
      name: z.string(),
      bytes: z.number(),
      mime: z.string(),
    }),
  ),
});
export type TEvidence = z.infer<typeof ZEvidence>;
export const ZEvidencePage = zPage(ZEvidence);

export const ZListEvidence = z.object({
  campaignId: ZId.optional(),
  unitId: ZId.optional(),
  indicatorId: ZId.optional(),
  kind: ZEvidenceKind.optional(),
  q: zText(100).optional(),
  includeRetracted: z.boolean().default(false),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const ZEvidenceEvent = z.object({
  seq: z.number().int(),
  action: z.enum(['create', 'revise', 'retract']),
  at: ZIsoDateTime,
  actorName: z.string().nullable(),
  revision: z.number().int(),
  title: z.string(),
  hash: z.string(),
  reason: z.string().nullable(),
});
export const ZEvidenceHistory = z.object({ items: z.array(ZEvidenceEvent) });

export const ZMaterialStatus = z.object({ name: z.string(), met: z.boolean(), evidenceIds: z.array(ZId) });
export const ZIndicatorReadiness = z.object({
  indicatorId: ZId,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  points: z.number(),
  evidenceCount: z.number().int(),
  materials: z.array(ZMaterialStatus),
  /** 0…1: share of required materials met (or 1 when nothing is required and something is filed). */
  readiness: z.number(),
});
export const ZCompleteness = z.object({
  campaignId: ZId,
  readiness: z.number(),
  categories: z.array(
    z.object({ code: z.string(), name: z.string(), points: z.number(), readiness: z.number() }),
  ),
  indicators: z.array(ZIndicatorReadiness),
  /** "What is missing before inspection": every unmet required material, by indicator. */
  gaps: z.array(z.object({ indicatorCode: z.string(), indicatorName: z.string(), material: z.string() })),
  freshness: z.object({ items: z.number().int(), withinSevenDays: z.number().int(), share: z.number() }),
});
export type TCompleteness = z.infer<typeof ZCompleteness>;
export const ZCompletenessInput = z.object({ campaignId: ZId });

/** Kinds of standing material that usually stay valid into the next term. */
export const STANDING_KINDS: readonly EvidenceKind[] = ['organization', 'rules', 'plan', 'campaign_document'];

export const ZCarryForwardInput = z.object({ campaignId: ZId, evidenceIds: z.array(ZId).min(1).max(500) });
export const ZCarryForwardResult = z.object({ carried: z.number().int(), skipped: z.number().int() });

export const ZTermComparison = z.object({
  previousCampaignId: ZId.nullable(),
  /** Items of the previous term that could be carried forward. */
  candidates: z.array(
    z.object({
      id: ZId,
      kind: ZEvidenceKind,
      title: z.string(),
      eventDate: ZIsoDate,
      standing: z.boolean(),
      indicatorCodes: z.array(z.string()),
      /** Codes that no longer exist in the new framework (their links will be dropped). */
      unmappedCodes: z.array(z.string()),
      carried: z.boolean(),
    }),
  ),
  /** Per indicator of the new framework: carried, changed since carried, newly filed, or missing though filed last term. */
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      carried: z.number().int(),
      changed: z.number().int(),
      added: z.number().int(),
      previous: z.number().int(),
      status: z.enum(['carried', 'changed', 'new', 'missing', 'empty']),
    }),
  ),
});
export type TTermComparison = z.infer<typeof ZTermComparison>;

export const ZLedgerOverviewInput = z.object({
  officeId: ZId.optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export const ZLedgerOverview = z.object({
  items: z.array(
    z.object({
      campaignId: ZId,
      unitId: ZId,
      unitCode: z.string(),
      unitName: z.string(),
      phase: z.string(),
      items: z.number().int(),
      readiness: z.number(),
      gaps: z.number().int(),
      /** Share of items filed within a week of their event; null without items. */
      freshness: z.number().nullable(),
    }),
  ),
});
