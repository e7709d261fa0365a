import { accessibleWhere } from '@wenming/authz/sql';
import { FRESH_WITHIN_DAYS } from '@wenming/domain';
import { sql } from 'kysely';
import type { AuthedContext } from '../context';
import { officeSubtree } from '../office/repository';
import { completeness } from './completeness';

/**
 * Ledger readiness and freshness of every open campaign in the caller's scope (or one
 * office subtree), worst first: where inspection would find the most missing. Readiness is
 * computed per campaign with the same matching as the campaign's own completeness view.
 */
export async function overview(ctx: AuthedContext, input: { officeId?: string | undefined; limit: number }) {
  let q = ctx.db
    .selectFrom('campaigns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id', 'u.code', 'u.name', 'c.phase'])
    .select((eb) => [
      eb
        .selectFrom('evidence_items as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.campaign_id', '=', 'c.id')
        .where('e.retracted_at', 'is', null)
        .where('e.carried_from', 'is', null)
        .as('items'),
      eb
        .selectFrom('evidence_items as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.campaign_id', '=', 'c.id')
        .where('e.retracted_at', 'is', null)
        .where('e.carried_from', 'is', null)
        .where(
          sql<boolean>`(e.captured_at at time zone 'Asia/Shanghai')::date - e.event_date <= ${FRESH_WITHIN_DAYS}`,
        )
        .as('fresh'),
    ])
    .where('c.phase', 'not in', ['decided', 'withdrawn'])
    .where(accessibleWhere(ctx.ability, 'read', 'Campaign', 'c'));
  if (input.officeId) q = q.where('c.office_id', 'in', officeSubtree(input.officeId));
  const rows = await q.orderBy('u.code').limit(input.limit).execute();
  const items = [];
  for (const row of rows) {
    const c = await completeness(ctx, row.id);
    items.push({
      campaignId: row.id,
      unitId: row.unit_id,
      unitCode: row.code,
      unitName: row.name,
      phase: row.phase,
      items: Number(row.items ?? 0),
      readiness: c.readiness,
      gaps: c.gaps.length,
      freshness: Number(row.items) ? Number(row.fresh) / Number(row.items) : null,
    });
  }
  return { items: items.sort((a, b) => a.readiness - b.readiness) };
}
