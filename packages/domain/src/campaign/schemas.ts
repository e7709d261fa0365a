import { z } from 'zod';
import { ZCursor, ZId, ZIsoDate, ZIsoDateTime, ZLimit, ZYear, zName, zPage, zText } from '../common/schemas';
import { ZStatusLevel } from '../status/schemas';
import { ZPhone } from '../unit/schemas';
import { ZCampaignPhase } from './lifecycle';

export const ZCampaignKind = z.enum(['renewal', 'upgrade']);
export const GUARD_FAILURES = [
  'NEEDS_LEADING_GROUP',
  'NEEDS_PLAN',
  'NEEDS_IMPLEMENTATION_PLAN',
  'NEEDS_TASKS',
  'REQUIRED_TASKS_OPEN',
  'CONFIRMED_VETO',
] as const;

export const ZProgress = z.object({
  tasks: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
});
export type TProgress = z.infer<typeof ZProgress>;

export const ZCampaignSummary = z.object({
  id: ZId,
  unitId: ZId,
  unitCode: z.string(),
  unitName: z.string(),
  officeId: ZId,
  officeName: z.string(),
  kind: ZCampaignKind,
  fromLevel: ZStatusLevel,
  targetLevel: ZStatusLevel,
  termStartYear: z.number().int(),
  termEndYear: z.number().int(),
  phase: ZCampaignPhase,
  phaseChangedAt: ZIsoDateTime,
  framework: z.object({
    id: ZId,
    code: z.string(),
    version: z.number().int(),
    name: z.object({ zh: z.string(), en: z.string() }),
  }),
  progress: ZProgress,
  version: z.number().int(),
  updatedAt: ZIsoDateTime,
});
export type TCampaignSummary = z.infer<typeof ZCampaignSummary>;
export const ZCampaignPage = zPage(ZCampaignSummary);

export const ZListCampaigns = z.object({
  officeId: ZId.optional(),
  unitId: ZId.optional(),
  phase: ZCampaignPhase.optional(),
  /** Open campaigns only (neither decided nor withdrawn). */
  open: z.boolean().optional(),
  q: zText(100).optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const LEADING_GROUP_ROLES = ['leader', 'deputy', 'member', 'contact'] as const;
export const ZLeadingGroupRole = z.enum(LEADING_GROUP_ROLES);
export const ZLeadingGroupMemberInput = z.object({
  role: ZLeadingGroupRole,
  name: zName(50),
  title: zText(50).optional(),
  departmentId: ZId.optional(),
  phone: ZPhone.optional(),
});
export const ZLeadingGroupMember = z.object({
  id: ZId,
  role: ZLeadingGroupRole,
  name: z.string(),
  title: z.string().nullable(),
  departmentId: ZId.nullable(),
  departmentName: z.string().nullable(),
  phone: z.string().nullable(),
  validFrom: ZIsoDateTime,
  validTo: ZIsoDateTime.nullable(),
});
export type TLeadingGroupMember = z.infer<typeof ZLeadingGroupMember>;

export const ZTransitionRecord = z.object({
  id: ZId,
  from: ZCampaignPhase.nullable(),
  to: ZCampaignPhase,
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  at: ZIsoDateTime,
});

export const ZNextStep = z.object({
  to: ZCampaignPhase,
  blockedBy: z.array(z.enum(GUARD_FAILURES)),
  commentRequired: z.boolean(),
});

export const ZCampaign = ZCampaignSummary.extend({
  plan: z.string(),
  implementationPlan: z.string(),
  leadingGroup: z.array(ZLeadingGroupMember),
  transitions: z.array(ZTransitionRecord),
  /** The steps the caller may take from here, with what still blocks each. */
  nextSteps: z.array(ZNextStep),
});
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZOpenCampaign = z.object({
  unitId: ZId,
  kind: ZCampaignKind,
  targetLevel: ZStatusLevel.exclude(['none']),
  termStartYear: ZYear,
  termEndYear: ZYear,
});

export const ZTransitionCampaign = z.object({
  id: ZId,
  to: ZCampaignPhase,
  comment: zText(1000).optional(),
});

export const ZUpdatePlans = z.object({
  id: ZId,
  version: z.number().int().min(1),
  plan: zText(50_000).optional(),
  implementationPlan: zText(50_000).optional(),
});

export const ZSetLeadingGroup = z.object({
  id: ZId,
  /** The campaign's version the editor started from: two offices saving at once cannot both win. */
  version: z.number().int().min(1),
  members: z.array(ZLeadingGroupMemberInput).max(100),
});
export const ZLeadingGroupHistory = z.object({ items: z.array(ZLeadingGroupMember) });

/** Completion of tasks, rolled up per indicator, category, department and campaign. */
export const ZRollupRow = z.object({
  key: z.string(),
  label: z.string(),
  tasks: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
});
export const ZCampaignRollup = z.object({
  campaign: ZProgress,
  byCategory: z.array(ZRollupRow),
  byIndicator: z.array(ZRollupRow.extend({ category: z.string() })),
  byDepartment: z.array(ZRollupRow),
});
export type TCampaignRollup = z.infer<typeof ZCampaignRollup>;

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);

export const ZTask = z.object({
  id: ZId,
  campaignId: ZId,
  unitId: ZId,
  title: z.string(),
  description: z.string(),
  indicators: z.array(z.object({ id: ZId, code: z.string(), name: z.string() })),
  responsibleLeader: z.string().nullable(),
  departmentId: ZId.nullable(),
  departmentName: z.string().nullable(),
  deadline: ZIsoDate.nullable(),
  status: ZTaskStatus,
  required: z.boolean(),
  progressNote: z.string(),
  overdue: z.boolean(),
  completedAt: ZIsoDateTime.nullable(),
  version: z.number().int(),
  updatedAt: ZIsoDateTime,
});
export type TTask = z.infer<typeof ZTask>;
export const ZTaskPage = zPage(ZTask);

export const ZListTasks = z.object({
  campaignId: ZId.optional(),
  departmentId: ZId.optional(),
  indicatorId: ZId.optional(),
  status: ZTaskStatus.optional(),
  overdue: z.boolean().optional(),
  q: zText(100).optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const ZCreateTask = z.object({
  campaignId: ZId,
  title: zName(200),
  description: zText(5000).optional(),
  indicatorIds: z.array(ZId).max(50).default([]),
  responsibleLeader: zText(50).optional(),
  departmentId: ZId.optional(),
  deadline: ZIsoDate.optional(),
  required: z.boolean().default(true),
});

export const ZUpdateTask = z.object({
  id: ZId,
  version: z.number().int().min(1),
  title: zName(200).optional(),
  description: zText(5000).optional(),
  indicatorIds: z.array(ZId).max(50).optional(),
  responsibleLeader: zText(50).nullable().optional(),
  departmentId: ZId.nullable().optional(),
  deadline: ZIsoDate.nullable().optional(),
  status: ZTaskStatus.optional(),
  required: z.boolean().optional(),
  progressNote: zText(2000).optional(),
});

export const ZGenerateTasks = z.object({ campaignId: ZId, deadline: ZIsoDate.optional() });
export const ZGenerateResult = z.object({ created: z.number().int(), skipped: z.number().int() });

export const ZBulkAssignTasks = z.object({
  ids: z.array(ZId).min(1).max(500),
  departmentId: ZId.nullable().optional(),
  responsibleLeader: zText(50).nullable().optional(),
  deadline: ZIsoDate.nullable().optional(),
});
export const ZBulkResult = z.object({ updated: z.number().int() });
