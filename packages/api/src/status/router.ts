import {
  ZReexaminationList,
  ZReexaminationsOf,
  ZReexamine,
  ZStatusRegisterPage,
  ZStatusRegisterQuery,
  ZStatusStep,
  ZYellowCard,
} from '@wenming/domain';
import { z } from 'zod';
import { authed, router } from '../trpc';
import { reexaminationsOf } from './links';
import { register } from './register';
import * as steps from './steps';

const ZStepResult = z.object({ unitId: z.string() });

export const statusRouter = router({
  register: authed
    .input(ZStatusRegisterQuery)
    .output(ZStatusRegisterPage)
    .query(({ ctx, input }) => register(ctx, input)),
  reexamine: authed
    .input(ZReexamine)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => steps.reexamine(ctx, input)),
  reexaminations: authed
    .input(ZReexaminationsOf)
    .output(ZReexaminationList)
    .query(({ ctx, input }) => reexaminationsOf(ctx, input.inspectionId)),
  yellowCard: authed
    .input(ZYellowCard)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => steps.yellowCard(ctx, input)),
  revoke: authed
    .input(ZStatusStep)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => steps.revoke(ctx, input)),
  restore: authed
    .input(ZStatusStep)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => steps.restore(ctx, input)),
});
