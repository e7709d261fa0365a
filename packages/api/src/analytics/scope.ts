import { accessibleWhere } from '@wenming/authz/sql';
import type { ZAnalyticsFilter } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { officeSubtree } from '../office/repository';

export type Filter = z.output<typeof ZAnalyticsFilter>;

/** Campaigns of the filter's term and round the caller may read (all of them without those filters). */
export function campaignsInRound(ctx: AuthedContext, filter: Filter) {
  let q = ctx.db.selectFrom('campaigns as c').where(accessibleWhere(ctx.ability, 'read', 'Campaign', 'c'));
  if (filter.termStartYear) q = q.where('c.term_start_year', '=', filter.termStartYear);
  if (filter.targetLevel) q = q.where('c.target_level', '=', filter.targetLevel);
  return q;
}

/** The units in scope matching the filter, as a subquery every figure is restricted to. */
export function unitsInScope(ctx: AuthedContext, filter: Filter) {
  let q = ctx.db
    .selectFrom('units as u')
    .select('u.id')
    .where(accessibleWhere(ctx.ability, 'read', 'Unit', 'u'));
  if (filter.officeId) q = q.where('u.office_id', 'in', officeSubtree(filter.officeId));
  if (filter.unitType) q = q.where('u.type', '=', filter.unitType);
  if (filter.level) q = q.where('u.status_level', '=', filter.level);
  if (filter.termStartYear || filter.targetLevel) {
    q = q.where('u.id', 'in', campaignsInRound(ctx, filter).select('c.unit_id'));
  }
  return q;
}

/**
 * Each unit's campaign of the round: the open one if any, else the latest. The one whose
 * ledger, tasks and assessment a ranking reads.
 */
export function campaignPerUnit(ctx: AuthedContext, filter: Filter) {
  return campaignsInRound(ctx, filter)
    .select(['c.unit_id', 'c.id', 'c.framework_id', 'c.phase'])
    .distinctOn('c.unit_id')
    .where('c.unit_id', 'in', unitsInScope(ctx, filter))
    .orderBy('c.unit_id')
    .orderBy(sql`c.phase in ('decided', 'withdrawn')`)
    .orderBy('c.created_at', 'desc');
}
