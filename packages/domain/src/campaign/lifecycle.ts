import { z } from 'zod';

/**
 * The campaign lifecycle, defined once for the server (enforcement) and the UIs (which
 * show the allowed next steps as buttons). 宣传发动 → 全面实施 → 总结整理 → 申报 → 测评 → 决定.
 */
export const CAMPAIGN_PHASES = [
  'draft',
  'mobilization',
  'implementation',
  'consolidation',
  'submitted',
  'under_assessment',
  'decided',
  'withdrawn',
] as const;
export const ZCampaignPhase = z.enum(CAMPAIGN_PHASES);
export type CampaignPhase = z.infer<typeof ZCampaignPhase>;

export const TERMINAL_PHASES: readonly CampaignPhase[] = ['decided', 'withdrawn'];
export const OPEN_PHASES = CAMPAIGN_PHASES.filter((p) => !TERMINAL_PHASES.includes(p));

/**
 * Who moves a step: the unit's campaign office (`advance`) or the office (`review`). `decide`
 * is held by no caller of a plain transition: a campaign is decided only by a decision
 * (conferral, renewal or rejection), which checks the result, the notice and the quota.
 */
export type TransitionPermission = 'advance' | 'review' | 'decide';

/** What a guard needs to know about the campaign; gathered by the server, pure here. */
export interface CampaignFacts {
  hasLeader: boolean;
  hasPlan: boolean;
  hasImplementationPlan: boolean;
  taskCount: number;
  requiredTasksOpen: number;
  confirmedVetoes: number;
}

export type GuardFailure =
  | 'NEEDS_LEADING_GROUP'
  | 'NEEDS_PLAN'
  | 'NEEDS_IMPLEMENTATION_PLAN'
  | 'NEEDS_TASKS'
  | 'REQUIRED_TASKS_OPEN'
  | 'CONFIRMED_VETO';

export interface Transition {
  from: CampaignPhase;
  to: CampaignPhase;
  permission: TransitionPermission;
  guard?: (facts: CampaignFacts) => GuardFailure[];
  /** A comment is required where the other side must know why. */
  commentRequired?: boolean;
}

const leavingDraft = (f: CampaignFacts): GuardFailure[] => [
  ...(f.hasLeader ? [] : (['NEEDS_LEADING_GROUP'] as const)),
  ...(f.hasPlan ? [] : (['NEEDS_PLAN'] as const)),
];
const startingImplementation = (f: CampaignFacts): GuardFailure[] => [
  ...(f.hasImplementationPlan ? [] : (['NEEDS_IMPLEMENTATION_PLAN'] as const)),
  ...(f.taskCount > 0 ? [] : (['NEEDS_TASKS'] as const)),
];
const submitting = (f: CampaignFacts): GuardFailure[] => [
  ...(f.requiredTasksOpen === 0 ? [] : (['REQUIRED_TASKS_OPEN'] as const)),
  ...(f.confirmedVetoes === 0 ? [] : (['CONFIRMED_VETO'] as const)),
];

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'mobilization', permission: 'advance', guard: leavingDraft },
  { from: 'mobilization', to: 'implementation', permission: 'advance', guard: startingImplementation },
  { from: 'implementation', to: 'consolidation', permission: 'advance' },
  { from: 'consolidation', to: 'submitted', permission: 'advance', guard: submitting },
  // The office accepts the application for assessment, or returns it for more work.
  { from: 'submitted', to: 'under_assessment', permission: 'review' },
  { from: 'submitted', to: 'consolidation', permission: 'review', commentRequired: true },
  { from: 'under_assessment', to: 'decided', permission: 'decide' },
  ...(['draft', 'mobilization', 'implementation', 'consolidation'] as const).map(
    (from): Transition => ({ from, to: 'withdrawn', permission: 'advance', commentRequired: true }),
  ),
  ...(
    ['draft', 'mobilization', 'implementation', 'consolidation', 'submitted', 'under_assessment'] as const
  ).map((from): Transition => ({ from, to: 'withdrawn', permission: 'review', commentRequired: true })),
];

export function transitionsFrom(
  phase: CampaignPhase,
  permissions?: readonly TransitionPermission[],
): Transition[] {
  return TRANSITIONS.filter((t) => t.from === phase && (!permissions || permissions.includes(t.permission)));
}

export function findTransition(
  from: CampaignPhase,
  to: CampaignPhase,
  permissions: readonly TransitionPermission[],
): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to && permissions.includes(t.permission));
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: 'ILLEGAL'; allowed: CampaignPhase[] }
  | { ok: false; reason: 'GUARD'; failures: GuardFailure[] }
  | { ok: false; reason: 'COMMENT_REQUIRED' };

/** Whether `to` may follow the campaign's phase for a caller holding `permissions`. */
export function checkTransition(
  from: CampaignPhase,
  to: CampaignPhase,
  permissions: readonly TransitionPermission[],
  facts: CampaignFacts,
  comment?: string,
): TransitionCheck {
  const transition = findTransition(from, to, permissions);
  if (!transition) {
    const allowed = [...new Set(transitionsFrom(from, permissions).map((t) => t.to))];
    return { ok: false, reason: 'ILLEGAL', allowed };
  }
  const failures = transition.guard?.(facts) ?? [];
  if (failures.length > 0) return { ok: false, reason: 'GUARD', failures };
  if (transition.commentRequired && !comment?.trim()) return { ok: false, reason: 'COMMENT_REQUIRED' };
  return { ok: true, transition };
}
