import { ZAssignRole, ZById, ZCreateUser, ZListUsers, ZUpdateUser, ZUser, ZUserPage } from '@wenming/domain';
import { authed, router } from '../trpc';
import * as users from './service';

export const userRouter = router({
  list: authed
    .input(ZListUsers)
    .output(ZUserPage)
    .query(({ ctx, input }) => users.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZUser)
    .query(({ ctx, input }) => users.get(ctx, input.id)),
  create: authed
    .input(ZCreateUser)
    .output(ZUser)
    .mutation(({ ctx, input }) => users.create(ctx, input)),
  update: authed
    .input(ZUpdateUser)
    .output(ZUser)
    .mutation(({ ctx, input }) => users.update(ctx, input)),
  assignRole: authed
    .input(ZAssignRole)
    .output(ZUser)
    .mutation(({ ctx, input }) => users.assignRole(ctx, input)),
});
