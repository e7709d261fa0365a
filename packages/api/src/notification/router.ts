import {
  ZListNotifications,
  ZMarkedRead,
  ZMarkNotificationsRead,
  ZNotificationPage,
  ZNotificationSettings,
  ZUnreadCount,
  ZUpdateNotificationSettings,
} from '@wenming/domain';
import { z } from 'zod';
import { authed, router } from '../trpc';
import { emailAvailable } from './mailer';
import * as notifications from './service';

export const notificationRouter = router({
  list: authed
    .input(ZListNotifications)
    .output(ZNotificationPage)
    .query(({ ctx, input }) => notifications.list(ctx, input)),
  unreadCount: authed
    .input(z.object({}).optional())
    .output(ZUnreadCount)
    .query(({ ctx }) => notifications.unreadCount(ctx)),
  markRead: authed
    .input(ZMarkNotificationsRead)
    .output(ZMarkedRead)
    .mutation(({ ctx, input }) => notifications.markRead(ctx, input)),
  settings: authed
    .input(z.object({}).optional())
    .output(ZNotificationSettings)
    .query(({ ctx }) => notifications.settings(ctx, emailAvailable())),
  updateSettings: authed
    .input(ZUpdateNotificationSettings)
    .output(ZNotificationSettings)
    .mutation(({ ctx, input }) => notifications.updateSettings(ctx, input, emailAvailable())),
});
