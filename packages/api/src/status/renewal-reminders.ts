import { todayInChina } from '@wenming/core';
import type { Db } from '@wenming/db';
import { sql } from 'kysely';
import { messages } from '../notification/messages';
import { notifyAll } from '../notification/notify';

/**
 * Titles whose term ends this year or next, held by units with no campaign open to renew
 * them: the unit's campaign office and its office are reminded to open one — once per term.
 */
export async function createRenewalReminders(trx: Db, now: Date): Promise<number> {
  const year = Number(todayInChina(now).slice(0, 4));
  const due = await sql<{ id: string; office_id: string; name: string; term_end_year: number }>`
    select u.id, u.office_id, u.name, u.term_end_year from units u
    left join lateral (
      select r.action from status_records r where r.unit_id = u.id order by r.seq desc limit 1
    ) s on true
    where u.status_level <> 'none' and u.term_end_year between ${year} and ${year + 1}
      and coalesce(s.action, '') not in ('revocation', 'lapse')
      and not exists (
        select 1 from campaigns c where c.unit_id = u.id and c.phase not in ('decided', 'withdrawn')
          and c.term_start_year > u.term_end_year - 1
      )`.execute(trx);
  return notifyAll(
    trx,
    due.rows.map((u) => ({
      unitId: u.id,
      officeId: u.office_id,
      kind: 'term_ending' as const,
      message: messages.termEnding(u.name, u.term_end_year),
      link: '/portal/campaign',
      dedupeKey: `term:${u.id}:${u.term_end_year}`,
      at: now,
    })),
  );
}
