import { z } from 'zod';
import { ZCursor, ZId, ZIsoDateTime, ZLimit, zPage, zText } from '../common/schemas';

/** What an inbox item is about; the UI picks its icon and wording by kind. */
export const NOTIFICATION_KINDS = [
  'rectification_issued',
  'rectification_returned',
  'rectification_answered',
  'deadline_soon',
  'overdue',
  'bulletin',
  'inspection',
  'report_due',
  'report_overdue',
  'notice',
  'objection',
  'decision',
  'term_ending',
  'term_ending',
  'other',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof ZNotificationKind>;

export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  title: z.string(),
  body: z.string(),
  /** The same in English; null on items written before English was kept (they read in Chinese). */
  titleEn: z.string().nullable(),
  bodyEn: z.string().nullable(),
  /** A path inside the caller's SPA, e.g. `/rectifications/<id>`. */
  link: z.string().nullable(),
  createdAt: ZIsoDateTime,
  readAt: ZIsoDateTime.nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** Unread first, newest first. */
export const ZListNotifications = z.object({
  unread: z.boolean().optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export const ZNotificationPage = zPage(ZNotification);

export const ZMarkNotificationsRead = z.union([
  z.object({ ids: z.array(ZId).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);
export const ZMarkedRead = z.object({ updated: z.number().int() });
export const ZUnreadCount = z.object({ count: z.number().int() });

/** Email copies of the inbox, when the server has SMTP configured. */
export const ZNotificationSettings = z.object({
  email: z.string().nullable(),
  /** Whether the server sends email at all; without it the address is kept but unused. */
  emailAvailable: z.boolean(),
});
export const ZUpdateNotificationSettings = z.object({
  email: z.union([z.literal(''), zText(254).pipe(z.email())]).nullable(),
});
