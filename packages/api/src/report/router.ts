import {
  ZById,
  ZCreateReportSchedule,
  ZFileReport,
  ZListDueReports,
  ZListMeetings,
  ZListReportSchedules,
  ZMeeting,
  ZMeetingPage,
  ZRecordMeeting,
  ZReport,
  ZReportDueList,
  ZReportSchedule,
  ZReportScheduleList,
  ZSetScheduleActive,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import * as meetings from './meetings';
import * as reports from './reports';
import * as schedules from './schedules';

export const reportRouter = router({
  schedules: authed
    .input(ZListReportSchedules)
    .output(ZReportScheduleList)
    .query(({ ctx, input }) => schedules.list(ctx, input)),
  createSchedule: authed
    .input(ZCreateReportSchedule)
    .output(ZReportSchedule)
    .mutation(({ ctx, input }) => schedules.create(ctx, input)),
  setScheduleActive: authed
    .input(ZSetScheduleActive)
    .output(ZReportSchedule)
    .mutation(({ ctx, input }) => schedules.setActive(ctx, input)),
  /** Every period asked of every unit in view: filed, due or overdue. */
  due: authed
    .input(ZListDueReports)
    .output(ZReportDueList)
    .query(({ ctx, input }) => reports.dueList(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZReport)
    .query(({ ctx, input }) => reports.get(ctx, input.id)),
  file: authed
    .input(ZFileReport)
    .output(ZReport)
    .mutation(({ ctx, input }) => reports.file(ctx, input)),
});

export const meetingRouter = router({
  list: authed
    .input(ZListMeetings)
    .output(ZMeetingPage)
    .query(({ ctx, input }) => meetings.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZMeeting)
    .query(({ ctx, input }) => meetings.get(ctx, input.id)),
  record: authed
    .input(ZRecordMeeting)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => meetings.record(ctx, input)),
});
