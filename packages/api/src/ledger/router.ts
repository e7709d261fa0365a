import {
  ZById,
  ZCarryForwardInput,
  ZCarryForwardResult,
  ZCompleteness,
  ZCompletenessInput,
  ZCreateEvidence,
  ZEvidence,
  ZEvidenceHistory,
  ZEvidencePage,
  ZLedgerOverview,
  ZLedgerOverviewInput,
  ZListEvidence,
  ZRetractEvidence,
  ZReviseEvidence,
  ZTermComparison,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import { carryForward, termComparison } from './carry-forward';
import { completeness } from './completeness';
import { overview } from './overview';
import * as evidence from './service';

export const evidenceRouter = router({
  list: authed
    .input(ZListEvidence)
    .output(ZEvidencePage)
    .query(({ ctx, input }) => evidence.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZEvidence)
    .query(({ ctx, input }) => evidence.get(ctx, input.id)),
  history: authed
    .input(ZById)
    .output(ZEvidenceHistory)
    .query(({ ctx, input }) => evidence.history(ctx, input.id)),
  create: authed
    .input(ZCreateEvidence)
    .output(ZEvidence)
    .mutation(({ ctx, input }) => evidence.create(ctx, input)),
  revise: authed
    .input(ZReviseEvidence)
    .output(ZEvidence)
    .mutation(({ ctx, input }) => evidence.revise(ctx, input)),
  retract: authed
    .input(ZRetractEvidence)
    .output(ZEvidence)
    .mutation(({ ctx, input }) => evidence.retract(ctx, input)),
});

export const ledgerRouter = router({
  completeness: authed
    .input(ZCompletenessInput)
    .output(ZCompleteness)
    .query(({ ctx, input }) => completeness(ctx, input.campaignId)),
  overview: authed
    .input(ZLedgerOverviewInput)
    .output(ZLedgerOverview)
    .query(({ ctx, input }) => overview(ctx, input)),
  termComparison: authed
    .input(ZCompletenessInput)
    .output(ZTermComparison)
    .query(({ ctx, input }) => termComparison(ctx, input.campaignId)),
  carryForward: authed
    .input(ZCarryForwardInput)
    .output(ZCarryForwardResult)
    .mutation(({ ctx, input }) => carryForward(ctx, input)),
});
