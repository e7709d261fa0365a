import {
  ZAcknowledgeBulletin,
  ZBulletin,
  ZBulletinPage,
  ZById,
  ZListBulletins,
  ZPublishBulletin,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import * as bulletins from './service';

export const bulletinRouter = router({
  list: authed
    .input(ZListBulletins)
    .output(ZBulletinPage)
    .query(({ ctx, input }) => bulletins.list(ctx, input)),
  /** Opening it as unit staff leaves the unit's read receipt. */
  get: authed
    .input(ZById)
    .output(ZBulletin)
    .query(({ ctx, input }) => bulletins.get(ctx, input.id)),
  publish: authed
    .input(ZPublishBulletin)
    .output(ZBulletin)
    .mutation(({ ctx, input }) => bulletins.publish(ctx, input)),
  acknowledge: authed
    .input(ZAcknowledgeBulletin)
    .output(ZBulletin)
    .mutation(({ ctx, input }) => bulletins.acknowledge(ctx, input)),
});
