import type { DB } from '@wenming/db';
import { type Kysely, sql, type Transaction } from 'kysely';

/**
 * The latest conferral or renewal notice naming the campaign, with its window and how its
 * objections stand — what the assessment needs before a decision. Null when none exists.
 */
export async function conferralNoticeFor(
  db: Kysely<DB> | Transaction<DB>,
  campaignId: string,
): Promise<{
  noticeId: string;
  startsOn: string;
  endsOn: string;
  openObjections: number;
  upheldObjections: number;
} | null> {
  const row = await db
    .selectFrom('notices as n')
    .innerJoin('notice_subjects as s', 's.notice_id', 'n.id')
    .select((eb) => [
      'n.id',
      'n.starts_on',
      'n.ends_on',
      eb
        .selectFrom('objections as x')
        .select(sql<number>`count(*)::int`.as('c'))
        .whereRef('x.notice_id', '=', 'n.id')
        .where('x.status', '=', 'open')
        // An objection about another unit of the same notice does not hold this one up.
        .where((w) => w.or([w('x.unit_id', 'is', null), w('x.unit_id', '=', w.ref('s.unit_id'))]))
        .as('open'),
      eb
        .selectFrom('objections as x')
        .select(sql<number>`count(*)::int`.as('c'))
        .whereRef('x.notice_id', '=', 'n.id')
        .where('x.status', '=', 'upheld')
        .where((w) => w.or([w('x.unit_id', 'is', null), w('x.unit_id', '=', w.ref('s.unit_id'))]))
        .as('upheld'),
    ])
    .where('s.campaign_id', '=', campaignId)
    .where('n.kind', 'in', ['conferral', 'renewal'])
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    noticeId: row.id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    openObjections: Number(row.open ?? 0),
    upheldObjections: Number(row.upheld ?? 0),
  };
}
