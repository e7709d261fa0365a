import { z } from 'zod';
import { ZCampaignPhase } from '../campaign/lifecycle';
import { ZId, ZIsoDate, ZIsoDateTime, zName, zText } from '../common/schemas';
import { ZStatusLevel } from '../status/schemas';
import { GRADES } from './scoring';

export const ZGrade = z.enum(GRADES);
const ZPoints = z.number().min(0).max(1000);
/** Points given, a grade (A/B/C/D), or points deducted (扣分) — the server clamps all three. */
export const ZScoreEntry = z.union([
  z.object({ points: ZPoints }),
  z.object({ grade: ZGrade }),
  z.object({ deduction: ZPoints }),
]);

/** The national 2020 rule: an explanation per indicator of at most 500 characters. */
const ZExplanation = zText(500).default('');

export const ZListAssessments = z.object({
  officeId: ZId.optional(),
  targetLevel: ZStatusLevel.optional(),
  termStartYear: z.number().int().min(1949).max(2200).optional(),
  phase: z.enum(['submitted', 'under_assessment', 'decided']).optional(),
  /** Only campaigns the caller is assigned to assess. */
  mine: z.boolean().default(false),
});

export const ZByCampaign = z.object({ campaignId: ZId });

export const ZSelfScore = z.object({
  campaignId: ZId,
  indicatorId: ZId,
  entry: ZScoreEntry,
  explanation: ZExplanation,
  evidenceIds: z.array(ZId).max(50).default([]),
});

export const ZAssessorScore = z.object({
  campaignId: ZId,
  indicatorId: ZId,
  entry: ZScoreEntry,
  comment: ZExplanation,
});

export const ZModerate = z.object({
  campaignId: ZId,
  indicatorId: ZId,
  /** Null takes the moderation back: the assessors' mean counts again. */
  points: ZPoints.nullable(),
  reason: zName(500),
  /** The indicator's `moderationVersion` the editor started from; 0 when it was never moderated. */
  version: z.number().int().min(0),
});

export const ZAssignAssessors = z.object({
  campaignId: ZId,
  assessors: z
    .array(z.object({ userId: ZId, categoryIds: z.array(ZId).max(50).default([]) }))
    .min(1)
    .max(20),
});
/** Takes an assessor off before they submit; submitted scores stay part of the record. */
export const ZUnassignAssessor = z.object({ campaignId: ZId, userId: ZId });

export const ZSetExemption = z.object({
  campaignId: ZId,
  indicatorId: ZId,
  exempt: z.boolean(),
  reason: zName(500),
});

export const VETO_SOURCES = ['consultation', 'inspection', 'complaint', 'self_report', 'other'] as const;
export const ZConfirmVeto = z.object({
  campaignId: ZId,
  vetoCode: z.string().min(1).max(64),
  /** Where the fact came from, e.g. 征求相关部门意见 (a consultation with another department). */
  source: z.enum(VETO_SOURCES),
  sourceDetail: zName(1000),
  evidenceIds: z.array(ZId).max(50).default([]),
});
export const ZClearVeto = z.object({ vetoId: ZId, reason: zName(500) });

export const ZAssessmentSettingsInput = z.object({
  officeId: ZId,
  targetLevel: ZStatusLevel.exclude(['none']),
});
export const ZConfigureAssessment = ZAssessmentSettingsInput.extend({
  passThreshold: z.number().min(0).max(1000).nullable(),
  quotaCount: z.number().int().min(0).max(100_000).nullable().default(null),
  quotaPercent: z.number().min(0).max(100).nullable().default(null),
  rescaleExempt: z.boolean().default(true),
  /** The settings' version the editor started from; 0 when the office had saved none for the level. */
  version: z.number().int().min(0),
});
export const ZAssessmentSettings = z.object({
  officeId: ZId,
  targetLevel: ZStatusLevel,
  passThreshold: z.number().nullable(),
  quotaCount: z.number().int().nullable(),
  quotaPercent: z.number().nullable(),
  rescaleExempt: z.boolean(),
  /** Where the pass mark comes from: the office's setting, the framework, or nowhere yet. */
  thresholdSource: z.enum(['office', 'framework', 'none']),
  /** The version of `officeId`'s settings for the level; 0 while no office has saved any (defaults apply). */
  version: z.number().int(),
});
export type TAssessmentSettings = z.infer<typeof ZAssessmentSettings>;

const ZName = z.object({ zh: z.string(), en: z.string() });

export const ZAssessmentResult = z.object({
  basic: z.number(),
  basicMax: z.number(),
  bonus: z.number(),
  bonusMax: z.number(),
  total: z.number(),
  categories: z.array(z.object({ id: ZId, score: z.number(), max: z.number() })),
  unscored: z.number().int(),
  vetoed: z.boolean(),
  passed: z.boolean().nullable(),
});

export const ZAssessmentRanking = z.object({
  rank: z.number().int(),
  of: z.number().int(),
  withinQuota: z.boolean(),
});

export const ZDecisionOutcome = z.enum(['conferral', 'renewal', 'rejection']);
export const ZDecision = z.object({
  id: ZId,
  campaignId: ZId,
  outcome: ZDecisionOutcome,
  level: ZStatusLevel,
  termStartYear: z.number().int().nullable(),
  termEndYear: z.number().int().nullable(),
  decisionNo: z.string(),
  decidedOn: ZIsoDate,
  total: z.number().nullable(),
  reason: z.string(),
  unitName: z.string(),
  officeName: z.string(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZAssessmentSummary = z.object({
  campaignId: ZId,
  unit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  officeId: ZId,
  kind: z.enum(['renewal', 'upgrade']),
  targetLevel: ZStatusLevel,
  termStartYear: z.number().int(),
  termEndYear: z.number().int(),
  phase: ZCampaignPhase,
  selfSubmittedAt: ZIsoDateTime.nullable(),
  assessors: z.object({ assigned: z.number().int(), submitted: z.number().int() }),
  /** Null where the caller may not see the result yet. */
  result: ZAssessmentResult.nullable(),
  ranking: ZAssessmentRanking.nullable(),
  decision: ZDecision.nullable(),
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;
export const ZAssessmentList = z.object({ items: z.array(ZAssessmentSummary) });

const ZScoreView = z.object({
  points: z.number(),
  grade: ZGrade.nullable(),
  note: z.string(),
  updatedAt: ZIsoDateTime,
});

export const ZAssessmentIndicator = z.object({
  id: ZId,
  code: z.string(),
  categoryId: ZId,
  name: ZName,
  criteria: ZName,
  method: z.string(),
  points: z.number(),
  veto: z.boolean(),
  evidenceRequired: z.array(z.string()),
  exemption: z.object({ reason: z.string() }).nullable(),
  self: ZScoreView.extend({ evidenceIds: z.array(ZId) }).nullable(),
  mine: ZScoreView.nullable(),
  /** Other assessors' scores: shown once the caller has submitted (or to the office). */
  assessorScores: z.array(ZScoreView.extend({ assessorId: ZId, assessorName: z.string() })),
  moderated: z.object({ points: z.number(), reason: z.string() }).nullable(),
  /** Counts every moderation and taking-back of this indicator; 0 when never moderated. */
  moderationVersion: z.number().int(),
  final: z.number().nullable(),
  evidence: z.array(z.object({ id: ZId, title: z.string(), eventDate: ZIsoDate })),
  survey: z
    .object({ answers: z.number().int(), share: z.number().nullable(), suggested: z.number().nullable() })
    .nullable(),
  findings: z.array(
    z.object({ id: ZId, severity: z.string(), description: z.string(), inspection: z.string() }),
  ),
});
export type TAssessmentIndicator = z.infer<typeof ZAssessmentIndicator>;

export const ZVeto = z.object({
  id: ZId,
  code: z.string(),
  name: ZName,
  source: z.enum(VETO_SOURCES),
  sourceDetail: z.string(),
  evidenceIds: z.array(ZId),
  confirmedAt: ZIsoDateTime,
  cleared: z.object({ at: ZIsoDateTime, reason: z.string() }).nullable(),
});

export const ZAssessment = ZAssessmentSummary.extend({
  framework: z.object({
    id: ZId,
    code: z.string(),
    name: ZName,
    totalPoints: z.number(),
    scoringScale: ZName.nullable(),
  }),
  settings: ZAssessmentSettings,
  assessorList: z.array(
    z.object({
      userId: ZId,
      name: z.string(),
      categoryIds: z.array(ZId),
      submittedAt: ZIsoDateTime.nullable(),
    }),
  ),
  me: z.object({
    isAssessor: z.boolean(),
    submittedAt: ZIsoDateTime.nullable(),
    canSelfScore: z.boolean(),
    canScore: z.boolean(),
    canManage: z.boolean(),
  }),
  categories: z.array(
    z.object({ id: ZId, code: z.string(), name: ZName, points: z.number(), special: z.boolean() }),
  ),
  indicators: z.array(ZAssessmentIndicator),
  vetoItems: z.array(z.object({ code: z.string(), name: ZName })),
  vetoes: z.array(ZVeto),
  notice: z
    .object({
      noticeId: ZId,
      startsOn: ZIsoDate,
      endsOn: ZIsoDate,
      openObjections: z.number().int(),
      upheldObjections: z.number().int(),
    })
    .nullable(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZDecide = z.object({
  campaignId: ZId,
  outcome: ZDecisionOutcome,
  decisionNo: zName(100),
  decidedOn: ZIsoDate,
  reason: zText(1000).default(''),
});
export const ZListDecisions = z.object({ officeId: ZId.optional(), unitId: ZId.optional() });
export const ZDecisionList = z.object({ items: z.array(ZDecision) });
