import { z } from 'zod';
import { ZCursor, ZId, ZIsoDate, ZIsoDateTime, ZLimit, zName, zPage, zText } from '../common/schemas';

/** 公示 before a conferral or renewal, or for anything else the office puts to the public. */
export const NOTICE_KINDS = ['conferral', 'renewal', 'other'] as const;
export const ZNoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof ZNoticeKind>;
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export const ZObjectionStatus = z.enum(OBJECTION_STATUSES);

export const ZPublishNotice = z
  .object({
    officeId: ZId,
    kind: ZNoticeKind,
    title: zName(200),
    body: zName(20_000),
    /** The window (China's calendar, both days included) in which objections may be filed. */
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    subjects: z
      .array(z.object({ unitId: ZId, campaignId: ZId.optional() }))
      .min(1)
      .max(500),
  })
  .refine((n) => n.endsOn >= n.startsOn, {
    path: ['endsOn'],
    message: 'the window ends before it starts',
  });
export type TPublishNotice = z.input<typeof ZPublishNotice>;

/** Where a window stands today: objections are accepted only while `open`. */
export const ZNoticeWindow = z.enum(['upcoming', 'open', 'closed']);
export type NoticeWindow = z.infer<typeof ZNoticeWindow>;

export const ZNoticeSubject = z.object({ unitId: ZId, unitName: z.string(), campaignId: ZId.nullable() });

export const ZObjection = z.object({
  id: ZId,
  noticeId: ZId,
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  body: z.string(),
  /** Personal data: null for callers who may not see it (analysts). */
  contact: z.string().nullable(),
  status: ZObjectionStatus,
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: ZIsoDateTime.nullable(),
  filedAt: ZIsoDateTime,
});
export type TObjection = z.infer<typeof ZObjection>;

export const ZNotice = z.object({
  id: ZId,
  officeId: ZId,
  officeName: z.string(),
  kind: ZNoticeKind,
  title: z.string(),
  body: z.string(),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  window: ZNoticeWindow,
  publishedAt: ZIsoDateTime,
  publishedByName: z.string().nullable(),
  subjects: z.array(ZNoticeSubject),
  /** Office staff see every objection; a subject unit sees the ones about it, without contact data. */
  objections: z.array(ZObjection),
});
export type TNotice = z.infer<typeof ZNotice>;

export const ZListNotices = z.object({
  kind: ZNoticeKind.optional(),
  window: ZNoticeWindow.optional(),
  unitId: ZId.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export const ZNoticeSummary = ZNotice.pick({
  id: true,
  officeId: true,
  officeName: true,
  kind: true,
  title: true,
  startsOn: true,
  endsOn: true,
  window: true,
  publishedAt: true,
}).extend({
  subjects: z.number().int(),
  objections: z.number().int(),
  openObjections: z.number().int(),
});
export const ZNoticePage = zPage(ZNoticeSummary);

/** What the public sees: notices whose window is open now, without objections. */
export const ZPublicNotices = z.object({
  items: z.array(
    ZNotice.pick({
      id: true,
      officeName: true,
      kind: true,
      title: true,
      body: true,
      startsOn: true,
      endsOn: true,
    }).extend({ subjects: z.array(ZNoticeSubject.pick({ unitId: true, unitName: true })) }),
  ),
});
export const ZListPublicNotices = z.object({ officeId: ZId.optional() });

/** Anyone may object while the window is open, anonymously or leaving a contact. */
export const ZFileObjection = z.object({
  noticeId: ZId,
  /** Which of the notice's units the objection is about, if one. */
  unitId: ZId.optional(),
  body: zName(2000),
  contact: zText(200).optional(),
});
export const ZFiledObjection = z.object({ id: ZId, filedAt: ZIsoDateTime });

export const ZAnswerObjection = z.object({
  id: ZId,
  status: z.enum(['upheld', 'dismissed']),
  answer: zName(2000),
});

export const ZListObjections = z.object({
  noticeId: ZId.optional(),
  status: ZObjectionStatus.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export const ZObjectionListItem = ZObjection.extend({ noticeTitle: z.string() });
export const ZObjectionPage = zPage(ZObjectionListItem);
