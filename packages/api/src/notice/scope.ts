import { subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import type { AuthedContext } from '../context';
import { findOffice, officeSubtree } from '../office/repository';

/** The office acting (publishing a bulletin or notice, setting a report schedule), if the caller sees it. */
export async function officeInScope(ctx: AuthedContext, officeId: string) {
  const office = await findOffice(ctx.db, officeId);
  if (!office || !ctx.ability.can('read', subject('Office', office)))
    throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
  return office;
}

/**
 * Units an office addresses: each must be one the caller sees and lie under that office
 * (a district office never addresses another district's units). Any other id: NOT_FOUND.
 */
export async function unitsUnder(ctx: AuthedContext, officeId: string, unitIds: string[]) {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('units')
    .select(['id', 'office_id', 'name'])
    .where('id', 'in', ids)
    .where('office_id', 'in', officeSubtree(officeId))
    .execute();
  if (rows.length !== ids.length || rows.some((u) => !ctx.ability.can('read', subject('Unit', u))))
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  return rows;
}

/** The unit's campaign that is still running (evidence can be filed into it), if any. */
export async function runningCampaign(ctx: AuthedContext, unitId: string) {
  return ctx.db
    .selectFrom('campaigns')
    .select(['id', 'office_id', 'unit_id'])
    .where('unit_id', '=', unitId)
    .where('phase', 'not in', ['decided', 'withdrawn'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
