import { accessibleWhere } from '@wenming/authz/sql';
import type { StatusAction, TReexaminationList } from '@wenming/domain';
import type { AuthedContext } from '../context';

/** The register entries that name this inspection as their re-examination, as far as the caller reads them. */
export async function reexaminationsOf(
  ctx: AuthedContext,
  inspectionId: string,
): Promise<TReexaminationList> {
  const rows = await ctx.db
    .selectFrom('status_records as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'u.name', 'r.action', 'r.decision_no', 'r.decided_on'])
    .where('r.inspection_id', '=', inspectionId)
    .where(accessibleWhere(ctx.ability, 'read', 'StatusRecord', 'r'))
    .orderBy('r.seq')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.name,
      action: r.action as StatusAction,
      decisionNo: r.decision_no,
      decidedOn: r.decided_on,
    })),
  };
}

/** The titles of the inspections named by register entries, for those the caller may read. */
export async function inspectionTitles(ctx: AuthedContext, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .selectFrom('inspections')
    .select(['id', 'title'])
    .where('id', 'in', wanted)
    .where(accessibleWhere(ctx.ability, 'read', 'Inspection'))
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
