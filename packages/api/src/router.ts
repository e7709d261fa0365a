import { authRouter } from './auth/router';
import { campaignRouter } from './campaign/router';
import { dutyRouter } from './duty/router';
import { frameworkRouter } from './framework/router';
import { evidenceRouter, ledgerRouter } from './ledger/router';
import { officeRouter } from './office/router';
import { surveyRouter } from './survey/router';
import { taskRouter } from './task/router';
import { router } from './trpc';
import { unitRouter } from './unit/router';
import { userRouter } from './user/router';

export const appRouter = router({
  auth: authRouter,
  campaign: campaignRouter,
  duty: dutyRouter,
  evidence: evidenceRouter,
  framework: frameworkRouter,
  ledger: ledgerRouter,
  office: officeRouter,
  survey: surveyRouter,
  task: taskRouter,
  unit: unitRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
