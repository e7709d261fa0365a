import {
  ZCreateSelection,
  ZCreateSuggestion,
  ZCreateWriteup,
  ZListSelections,
  ZListSuggestions,
  ZListWriteups,
  ZNominate,
  ZReplySuggestion,
  ZSelection,
  ZSelectionList,
  ZSelectionStep,
  ZSuggestion,
  ZSuggestionPage,
  ZVote,
  ZWriteup,
  ZWriteupPage,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import * as selections from './selections';
import * as suggestions from './suggestions';

export const suggestionRouter = router({
  list: authed
    .input(ZListSuggestions)
    .output(ZSuggestionPage)
    .query(({ ctx, input }) => suggestions.listSuggestions(ctx, input)),
  create: authed
    .input(ZCreateSuggestion)
    .output(ZSuggestion)
    .mutation(({ ctx, input }) => suggestions.suggest(ctx, input)),
  reply: authed
    .input(ZReplySuggestion)
    .output(ZSuggestion)
    .mutation(({ ctx, input }) => suggestions.reply(ctx, input)),
});

export const writeupRouter = router({
  list: authed
    .input(ZListWriteups)
    .output(ZWriteupPage)
    .query(({ ctx, input }) => suggestions.listWriteups(ctx, input)),
  create: authed
    .input(ZCreateWriteup)
    .output(ZWriteup)
    .mutation(({ ctx, input }) => suggestions.write(ctx, input)),
});

export const selectionRouter = router({
  list: authed
    .input(ZListSelections)
    .output(ZSelectionList)
    .query(({ ctx, input }) => selections.list(ctx, input)),
  get: authed
    .input(ZSelectionStep)
    .output(ZSelection)
    .query(({ ctx, input }) => selections.get(ctx, input.id)),
  create: authed
    .input(ZCreateSelection)
    .output(ZSelection)
    .mutation(({ ctx, input }) => selections.create(ctx, input)),
  nominate: authed
    .input(ZNominate)
    .output(ZSelection)
    .mutation(({ ctx, input }) => selections.nominate(ctx, input)),
  startVoting: authed
    .input(ZSelectionStep)
    .output(ZSelection)
    .mutation(({ ctx, input }) => selections.startVoting(ctx, input.id)),
  vote: authed
    .input(ZVote)
    .output(ZSelection)
    .mutation(({ ctx, input }) => selections.vote(ctx, input)),
  publish: authed
    .input(ZSelectionStep)
    .output(ZSelection)
    .mutation(({ ctx, input }) => selections.publish(ctx, input.id)),
});
