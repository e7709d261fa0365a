import {
  ZAnswerObjection,
  ZById,
  ZFiledObjection,
  ZFileObjection,
  ZListNotices,
  ZListObjections,
  ZListPublicNotices,
  ZNotice,
  ZNoticePage,
  ZObjectionListItem,
  ZObjectionPage,
  ZPublicNotices,
  ZPublishNotice,
} from '@wenming/domain';
import { authed, publicProcedure, router } from '../trpc';
import * as objections from './objections';
import * as notices from './service';

export const noticeRouter = router({
  list: authed
    .input(ZListNotices)
    .output(ZNoticePage)
    .query(({ ctx, input }) => notices.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZNotice)
    .query(({ ctx, input }) => notices.get(ctx, input.id)),
  publish: authed
    .input(ZPublishNotice)
    .output(ZNotice)
    .mutation(({ ctx, input }) => notices.publish(ctx, input)),
  objections: authed
    .input(ZListObjections)
    .output(ZObjectionPage)
    .query(({ ctx, input }) => objections.list(ctx, input)),
  answerObjection: authed
    .input(ZAnswerObjection)
    .output(ZObjectionListItem)
    .mutation(({ ctx, input }) => objections.answer(ctx, input)),
  /** Public: the notices open today, as the public page shows them. */
  current: publicProcedure
    .input(ZListPublicNotices)
    .output(ZPublicNotices)
    .query(({ ctx, input }) => notices.publicList(ctx, input)),
  /** Public: anyone may object while the window is open (throttled per address). */
  fileObjection: publicProcedure
    .input(ZFileObjection)
    .output(ZFiledObjection)
    .mutation(({ ctx, input }) => objections.file(ctx, input)),
});
