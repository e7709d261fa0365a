import { analyticsRouter } from './analytics/router';
import { authRouter } from './auth/router';
import { campaignRouter } from './campaign/router';
import { dutyRouter } from './duty/router';
import { frameworkRouter } from './framework/router';
import { evidenceRouter, ledgerRouter } from './ledger/router';
import { officeRouter } from './office/router';
import { selectionRouter, suggestionRouter, writeupRouter } from './participation/router';
import { inspectionRouter, rectificationRouter } from './supervision/router';
import { surveyRouter } from './survey/router';
import { taskRouter } from './task/router';
import { router } from './trpc';
import { unitRouter } from './unit/router';
import { userRouter } from './user/router';

export const appRouter = router({
  analytics: analyticsRouter,
  auth: authRouter,
  campaign: campaignRouter,
  duty: dutyRouter,
  evidence: evidenceRouter,
  framework: frameworkRouter,
  inspection: inspectionRouter,
  ledger: ledgerRouter,
  office: officeRouter,
  rectification: rectificationRouter,
  selection: selectionRouter,
  suggestion: suggestionRouter,
  survey: surveyRouter,
  task: taskRouter,
  unit: unitRouter,
  user: userRouter,
  writeup: writeupRouter,
});

export type AppRouter = typeof appRouter;
