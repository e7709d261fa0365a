import { ZOfficeTree } from '@wenming/domain';
import { z } from 'zod';
import { authed, router } from '../trpc';
import * as offices from './service';

export const officeRouter = router({
  tree: authed
    .input(z.object({}).optional())
    .output(ZOfficeTree)
    .query(({ ctx }) => offices.tree(ctx)),
});
