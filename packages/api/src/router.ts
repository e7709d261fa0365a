import { analyticsRouter } from './analytics/router';
import { assessmentRouter, decisionRouter } from './assessment/router';
import { authRouter } from './auth/router';
import { bulletinRouter } from './bulletin/router';
import { campaignRouter } from './campaign/router';
import { dutyRouter } from './duty/router';
import { frameworkRouter } from './framework/router';
import { importRouter } from './import/router';
import { evidenceRouter, ledgerRouter } from './ledger/router';
import { noticeRouter } from './notice/router';
import { notificationRouter } from './notification/router';
import { officeRouter } from './office/router';
import { selectionRouter, suggestionRouter, writeupRouter } from './participation/router';
import { meetingRouter, reportRouter } from './report/router';
import { statusRouter } from './status/router';
import { inspectionRouter, rectificationRouter } from './supervision/router';
import { surveyRouter } from './survey/router';
import { taskRouter } from './task/router';
import { router } from './trpc';
import { unitRouter } from './unit/router';
import { userRouter } from './user/router';

export const appRouter = router({
  analytics: analyticsRouter,
  assessment: assessmentRouter,
  auth: authRouter,
  bulletin: bulletinRouter,
  campaign: campaignRouter,
  decision: decisionRouter,
  duty: dutyRouter,
  evidence: evidenceRouter,
  framework: frameworkRouter,
  import: importRouter,
  inspection: inspectionRouter,
  ledger: ledgerRouter,
  meeting: meetingRouter,
  notice: noticeRouter,
  notification: notificationRouter,
  office: officeRouter,
  rectification: rectificationRouter,
  report: reportRouter,
  selection: selectionRouter,
  suggestion: suggestionRouter,
  status: statusRouter,
  survey: surveyRouter,
  task: taskRouter,
  unit: unitRouter,
  user: userRouter,
  writeup: writeupRouter,
});

export type AppRouter = typeof appRouter;
