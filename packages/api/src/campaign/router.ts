import {
  ZById,
  ZCampaign,
  ZCampaignPage,
  ZCampaignRollup,
  ZLeadingGroupHistory,
  ZListCampaigns,
  ZOpenCampaign,
  ZSetLeadingGroup,
  ZTransitionCampaign,
  ZUpdatePlans,
} from '@wenming/domain';
import { rollup } from '../task/rollup';
import { authed, router } from '../trpc';
import { leadingGroupHistory, setLeadingGroup } from './leading-group';
import * as campaigns from './service';

export const campaignRouter = router({
  list: authed
    .input(ZListCampaigns)
    .output(ZCampaignPage)
    .query(({ ctx, input }) => campaigns.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZCampaign)
    .query(({ ctx, input }) => campaigns.get(ctx, input.id)),
  open: authed
    .input(ZOpenCampaign)
    .output(ZCampaign)
    .mutation(({ ctx, input }) => campaigns.open(ctx, input)),
  transition: authed
    .input(ZTransitionCampaign)
    .output(ZCampaign)
    .mutation(({ ctx, input }) => campaigns.transition(ctx, input)),
  updatePlans: authed
    .input(ZUpdatePlans)
    .output(ZCampaign)
    .mutation(({ ctx, input }) => campaigns.updatePlans(ctx, input)),
  setLeadingGroup: authed
    .input(ZSetLeadingGroup)
    .output(ZCampaign)
    .mutation(({ ctx, input }) => setLeadingGroup(ctx, input)),
  leadingGroupHistory: authed
    .input(ZById)
    .output(ZLeadingGroupHistory)
    .query(({ ctx, input }) => leadingGroupHistory(ctx, input.id)),
  rollup: authed
    .input(ZById)
    .output(ZCampaignRollup)
    .query(({ ctx, input }) => rollup(ctx, input.id)),
});
