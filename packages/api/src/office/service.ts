import type { TOfficeTree } from '@wenming/domain';
import type { AuthedContext } from '../context';
import * as repo from './repository';

const LEVEL_ORDER = { province: 0, city: 1, district: 2 } as const;

export async function tree(ctx: AuthedContext): Promise<TOfficeTree> {
  const rows = await repo.listVisibleOffices(ctx.db, ctx.ability);
  rows.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
  const visible = new Set(rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      // A parent outside the caller's scope is not revealed: the node becomes a root.
      parentId: r.parent_id && visible.has(r.parent_id) ? r.parent_id : null,
      code: r.code,
      name: r.name,
      level: r.level,
      unitCount: Number(r.unit_count ?? 0),
    })),
  };
}
