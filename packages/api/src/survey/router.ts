import {
  ZById,
  ZCreateSurvey,
  ZListSurveys,
  ZPublicSurvey,
  ZSubmitAnswers,
  ZSubmitResult,
  ZSurvey,
  ZSurveyPage,
  ZSurveyResults,
} from '@wenming/domain';
import { z } from 'zod';
import { authed, publicProcedure, router } from '../trpc';
import { results } from './results';
import * as surveys from './service';

export const surveyRouter = router({
  list: authed
    .input(ZListSurveys)
    .output(ZSurveyPage)
    .query(({ ctx, input }) => surveys.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZSurvey)
    .query(({ ctx, input }) => surveys.get(ctx, input.id)),
  create: authed
    .input(ZCreateSurvey)
    .output(ZSurvey)
    .mutation(({ ctx, input }) => surveys.create(ctx, input)),
  open: authed
    .input(ZById)
    .output(ZSurvey)
    .mutation(({ ctx, input }) => surveys.setStatus(ctx, input.id, 'open')),
  close: authed
    .input(ZById)
    .output(ZSurvey)
    .mutation(({ ctx, input }) => surveys.setStatus(ctx, input.id, 'closed')),
  results: authed
    .input(z.object({ id: z.uuid(), unitId: z.uuid().optional() }))
    .output(ZSurveyResults)
    .query(({ ctx, input }) => results(ctx, input.id, input.unitId)),
  /** Public: what a respondent's phone shows. */
  form: publicProcedure
    .input(z.object({ token: z.string().min(8).max(64) }))
    .output(ZPublicSurvey)
    .query(({ ctx, input }) => surveys.publicForm(ctx, input.token)),
  /** Public: anyone with the link answers, once per browser, without signing in. */
  answer: publicProcedure
    .input(ZSubmitAnswers)
    .output(ZSubmitResult)
    .mutation(({ ctx, input }) => surveys.answer(ctx, input)),
});
