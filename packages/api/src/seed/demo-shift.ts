import type { Db, Tx } from '@wenming/db';
import { withTx } from '@wenming/db';
import { sql } from 'kysely';
import { type ChainEvent, eventPayload, GENESIS, hashPayload } from '../ledger/chain';
import { createReminders } from '../notification/reminders';

const DAY = 86_400_000;

/**
 * Dates the demo takes from the calendar rather than counting from its day — the terms'
 * conferrals, quarter-aligned report periods — stay where they are: a column listed here is
 * moved only in the rows the condition selects (`false`: never). A snapshot is reused only
 * within the quarter it was seeded in (see demoSnapshotName), so quarters and years agree.
 */
const CALENDAR_DATES: Record<string, string> = {
  'report_schedules.starts_on': 'false',
  'reports.period_key': 'false',
  'reports.due_on': 'false',
  'status_records.decided_on': "action <> 'conferral'",
  // Month keys, not dates: the month rollups are rebuilt from the moved answers and items instead.
  'survey_month_tallies.month': 'false',
  'unit_month_filings.month': 'false',
};

/** Reports fall due by the calendar (quarters): their audit entries and reminders stay too. */
const CALENDAR_PREFIX = 'report';

const DATE = /^\d{4}-\d\d-\d\d$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function shiftTime(time: string, days: number): string {
  return new Date(Date.parse(time) + days * DAY).toISOString();
}

/** Dates and times in a JSON value (an audit summary). */
function shiftJson(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    if (DATE.test(value)) return shiftDate(value, days);
    if (TIMESTAMP.test(value)) return shiftTime(value, days);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => shiftJson(v, days));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftJson(v, days)]));
  return value;
}

/**
 * Moves a seeded demo city `days` later, as if it had been seeded that many days later: every
 * date and time counted from the seed's day moves, in columns, in audit summaries and in
 * notification texts; the ledger's event chains are rebuilt over the moved dates (their hashes
 * cover them), so `ledger verify` passes exactly as after a seed. Only for a fresh copy of a
 * prepared demo city that nobody has used: recorded history is never rewritten elsewhere.
 */
export async function shiftDemoDates(db: Db, days: number, now: Date): Promise<void> {
  if (!Number.isInteger(days)) throw new Error(`a demo city moves by whole days, not ${days}`);
  if (days === 0) return;
  await withTx(db, async (trx) => {
    // Triggers off (append-only guards, rollups): moving every date by the same amount keeps
    // the rollups right, since overdue counts are kept against rollup_state.overdue_as_of,
    // which moves with the deadlines.
    await sql`set local session_replication_role = replica`.execute(trx);
    // Month ends kept for the trend would now stand for other instants: the jobs write them again.
    await sql`delete from readiness_month_ends`.execute(trx);
    await shiftColumns(trx, days);
    await shiftTexts(trx, days);
    await rebuildChains(trx, days);
    await sql`set local session_replication_role = origin`.execute(trx);
    // Answers and items moved across a month's end count in the next month now.
    await sql`select refresh_survey_month_tallies(), refresh_unit_month_filings()`.execute(trx);
    // Reports fall due by the calendar: those that came due meanwhile are reminded of, as the
    // seed would have done on the later day (and the server's reminder job does at start).
    await createReminders(trx, now);
  });
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every date and time column, in one statement: round trips into PGlite cost more than the updates. */
async function shiftColumns(trx: Tx, days: number) {
  // The catalog, not information_schema: a tenth of the time in PGlite.
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, null) as data_type
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
     where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
       and a.attnum > 0 and not a.attisdropped
       and a.atttypid in ('date'::regtype, 'timestamptz'::regtype)
     order by 1, 2`.execute(trx);
  const byTable = new Map<string, string[]>();
  for (const { table_name: table, column_name: name, data_type: type } of columns.rows) {
    const column = ident(name);
    const moved = type === 'date' ? `${column} + ${days}` : `${column} + ${days} * interval '24 hours'`;
    const only = CALENDAR_DATES[`${table}.${name}`];
    const set = only
      ? `${column} = case when ${only} then ${moved} else ${column} end`
      : `${column} = ${moved}`;
    byTable.set(table, [...(byTable.get(table) ?? []), set]);
  }
  const updates = [...byTable].map(([table, sets]) => `update ${ident(table)} set ${sets.join(', ')};`);
  await sql.raw(`do $shift$ begin ${updates.join(' ')} end $shift$`).execute(trx);
}

async function shiftTexts(trx: Tx, days: number) {
  const audits = await sql<{ id: string; summary: unknown }>`
    select id, summary from audit_log
     where summary::text ~ '\\d{4}-\\d\\d-\\d\\d' and entity not like ${`${CALENDAR_PREFIX}%`}`.execute(trx);
  await sql`update audit_log a set summary = m.summary::jsonb
               from unnest(${audits.rows.map((a) => a.id)}::bigint[],
                           ${audits.rows.map((a) => JSON.stringify(shiftJson(a.summary, days)))}::text[])
                 as m(id, summary)
              where a.id = m.id`.execute(trx);
  // Notification texts quote the deadline or planned day they announce (a report's, the calendar's).
  const inText = /\d{4}-\d\d-\d\d/g;
  // A reminder's dedupe key names its deadline too: the reminder job must find it under the moved one.
  const notes = await trx
    .selectFrom('notifications')
    .select(['id', 'body', 'body_en', 'dedupe_key'])
    .where('kind', 'not like', `${CALENDAR_PREFIX}%`)
    .where((eb) =>
      eb.or([
        eb('body', '~', inText.source),
        eb('body_en', '~', inText.source),
        eb('dedupe_key', '~', inText.source),
      ]),
    )
    .execute();
  const moved = <T extends string | null>(text: T) =>
    (text?.replace(inText, (d) => shiftDate(d, days)) ?? text) as T;
  await sql`update notifications n set body = m.body, body_en = m.body_en, dedupe_key = m.dedupe_key
               from unnest(${notes.map((x) => x.id)}::uuid[], ${notes.map((x) => moved(x.body))}::text[],
                           ${notes.map((x) => moved(x.body_en))}::text[],
                           ${notes.map((x) => moved(x.dedupe_key))}::text[])
                 as m(id, body, body_en, dedupe_key)
              where n.id = m.id`.execute(trx);
}

/** Each unit's chain again from the start, over the moved times. */
async function rebuildChains(trx: Tx, days: number) {
  const rows = await trx
    .selectFrom('evidence_events')
    .select(['id', 'unit_id', 'payload'])
    .orderBy('unit_id')
    .orderBy('seq')
    .execute();
  let unit = '';
  let prev = GENESIS;
  const rebuilt: { id: string; payload: string; prev_hash: string; hash: string }[] = [];
  for (const row of rows) {
    if (row.unit_id !== unit) [unit, prev] = [row.unit_id, GENESIS];
    const event = JSON.parse(row.payload) as ChainEvent;
    event.at = shiftTime(event.at, days);
    event.content.eventDate = shiftDate(event.content.eventDate, days);
    event.content.capturedAt = shiftTime(event.content.capturedAt, days);
    event.prevHash = prev;
    const payload = eventPayload(event);
    prev = hashPayload(payload);
    rebuilt.push({ id: row.id, payload, prev_hash: event.prevHash, hash: prev });
  }
  await sql`update evidence_events e set payload = m.payload,
                   prev_hash = m.prev_hash, hash = m.hash
              from unnest(${rebuilt.map((r) => r.id)}::uuid[], ${rebuilt.map((r) => r.payload)}::text[],
                          ${rebuilt.map((r) => r.prev_hash)}::text[], ${rebuilt.map((r) => r.hash)}::text[])
                as m(id, payload, prev_hash, hash)
             where e.id = m.id`.execute(trx);
}
