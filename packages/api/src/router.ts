import { authRouter } from './auth/router';
import { officeRouter } from './office/router';
import { router } from './trpc';
import { unitRouter } from './unit/router';
import { userRouter } from './user/router';

export const appRouter = router({
  auth: authRouter,
  office: officeRouter,
  unit: unitRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
