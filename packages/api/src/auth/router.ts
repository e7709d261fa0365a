import { ZLogin, ZMe, ZOk } from '@wenming/domain';
import { z } from 'zod';
import { authed, publicProcedure, router } from '../trpc';
import * as auth from './service';

export const authRouter = router({
  login: publicProcedure
    .input(ZLogin)
    .output(ZMe)
    .mutation(({ ctx, input }) => auth.login(ctx, input)),
  logout: publicProcedure
    .input(z.object({}).optional())
    .output(ZOk)
    .mutation(({ ctx }) => auth.logout(ctx)),
  me: authed
    .input(z.object({}).optional())
    .output(ZMe)
    .query(({ ctx }) => auth.me(ctx)),
});
