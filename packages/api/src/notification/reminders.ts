import { todayInChina } from '@wenming/core';
import type { Db } from '@wenming/db';
import { owed } from '../report/reports';
import { createRenewalReminders } from '../status/renewal-reminders';
import { messages } from './messages';
import { type NotifyInput, notifyAll } from './notify';

/** How far ahead a deadline is "near". */
export const REMIND_WITHIN_DAYS = 3;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Reminders for every deadline near or passed: rectification orders not closed, reports
 * not filed. Each names its deadline in a dedupe key, so however often this runs, on
 * however many servers, a user gets one reminder per deadline (and another only when the
 * deadline moves). Overdue items escalate: the office hears of them too.
 */
export async function createReminders(trx: Db, now: Date): Promise<number> {
  const today = todayInChina(now);
  const soon = addDays(today, REMIND_WITHIN_DAYS);
  // Gathered first and written in one statement (see notifyAll).
  const reminders: NotifyInput[] = [];

  const orders = await trx
    .selectFrom('rectifications')
    .select(['id', 'office_id', 'unit_id', 'title', 'deadline', 'issued_by'])
    .where('status', '<>', 'closed')
    .where('deadline', '<=', soon)
    .execute();
  for (const o of orders) {
    const overdue = o.deadline < today;
    const reminder = {
      kind: overdue ? ('overdue' as const) : ('deadline_soon' as const),
      message: messages.rectificationDue(o.title, o.deadline, overdue),
      dedupeKey: `rectification:${overdue ? 'overdue' : 'soon'}:${o.id}:${o.deadline}`,
      at: now,
    };
    reminders.push({ ...reminder, unitId: o.unit_id, link: `/portal/rectifications/${o.id}` });
    if (overdue)
      reminders.push({
        ...reminder,
        officeId: o.office_id,
        userIds: o.issued_by ? [o.issued_by] : [],
        link: `/console/rectifications/${o.id}`,
      });
  }

  const reports = (await owed(trx, {}, today)).filter((r) => r.status !== 'filed' && r.dueOn <= soon);
  const officeOf = new Map(
    (
      await (reports.length
        ? trx
            .selectFrom('report_schedules')
            .select(['id', 'office_id'])
            .where('id', 'in', [...new Set(reports.map((r) => r.scheduleId))])
            .execute()
        : Promise.resolve([]))
    ).map((s) => [s.id, s.office_id]),
  );
  for (const r of reports) {
    const overdue = r.status === 'overdue';
    const reminder = {
      kind: overdue ? ('report_overdue' as const) : ('report_due' as const),
      message: messages.reportDue(r.scheduleTitle, r.unitName, r.dueOn, overdue),
      dedupeKey: `report:${overdue ? 'overdue' : 'soon'}:${r.scheduleId}:${r.unitId}:${r.periodKey}`,
      at: now,
    };
    reminders.push({ ...reminder, unitId: r.unitId, link: '/portal/reports' });
    if (overdue)
      reminders.push({
        ...reminder,
        officeId: officeOf.get(r.scheduleId),
        link: '/console/reports',
      });
  }
  const created = await notifyAll(trx, reminders);
  // Titles whose term lapses soon: the status register's reminders ride the same job.
  return created + (await createRenewalReminders(trx, now));
}
