import {
  ZAssessment,
  ZAssessmentList,
  ZAssessmentSettings,
  ZAssessmentSettingsInput,
  ZAssessorScore,
  ZAssignAssessors,
  ZByCampaign,
  ZById,
  ZClearVeto,
  ZConfigureAssessment,
  ZConfirmVeto,
  ZDecide,
  ZDecision,
  ZDecisionList,
  ZListAssessments,
  ZListDecisions,
  ZModerate,
  ZSelfScore,
  ZSetExemption,
  ZUnassignAssessor,
} from '@wenming/domain';
import type { AuthedContext } from '../context';
import { authed, router } from '../trpc';
import * as assessors from './assessors';
import * as decisions from './decision';
import * as scoring from './scoring';
import * as vetoes from './vetoes';
import * as view from './view';

/** Every write answers the workspace as the caller now sees it. */
const then = (ctx: AuthedContext, campaignId: string) => view.get(ctx, campaignId);

export const assessmentRouter = router({
  list: authed
    .input(ZListAssessments)
    .output(ZAssessmentList)
    .query(({ ctx, input }) => view.list(ctx, input)),
  get: authed
    .input(ZByCampaign)
    .output(ZAssessment)
    .query(({ ctx, input }) => view.get(ctx, input.campaignId)),
  selfScore: authed
    .input(ZSelfScore)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await scoring.selfScore(ctx, input);
      return then(ctx, input.campaignId);
    }),
  score: authed
    .input(ZAssessorScore)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await scoring.score(ctx, input);
      return then(ctx, input.campaignId);
    }),
  submit: authed
    .input(ZByCampaign)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await scoring.submit(ctx, input.campaignId);
      return then(ctx, input.campaignId);
    }),
  moderate: authed
    .input(ZModerate)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await scoring.moderate(ctx, input);
      return then(ctx, input.campaignId);
    }),
  assign: authed
    .input(ZAssignAssessors)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await assessors.assign(ctx, input);
      return then(ctx, input.campaignId);
    }),
  unassign: authed
    .input(ZUnassignAssessor)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await assessors.unassign(ctx, input);
      return then(ctx, input.campaignId);
    }),
  exempt: authed
    .input(ZSetExemption)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await scoring.setExemption(ctx, input);
      return then(ctx, input.campaignId);
    }),
  confirmVeto: authed
    .input(ZConfirmVeto)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => {
      await vetoes.confirmVeto(ctx, input);
      return then(ctx, input.campaignId);
    }),
  clearVeto: authed
    .input(ZClearVeto)
    .output(ZAssessment)
    .mutation(async ({ ctx, input }) => then(ctx, await vetoes.clearVeto(ctx, input))),
  settings: authed
    .input(ZAssessmentSettingsInput)
    .output(ZAssessmentSettings)
    .query(({ ctx, input }) => vetoes.settings(ctx, input)),
  configure: authed
    .input(ZConfigureAssessment)
    .output(ZAssessmentSettings)
    .mutation(({ ctx, input }) => vetoes.configure(ctx, input)),
});

export const decisionRouter = router({
  decide: authed
    .input(ZDecide)
    .output(ZDecision)
    .mutation(({ ctx, input }) => decisions.decide(ctx, input)),
  list: authed
    .input(ZListDecisions)
    .output(ZDecisionList)
    .query(({ ctx, input }) => decisions.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZDecision)
    .query(({ ctx, input }) => decisions.get(ctx, input.id)),
});
