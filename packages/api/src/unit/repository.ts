import type { AppAbility } from '@wenming/authz';
import { accessibleWhere } from '@wenming/authz/sql';
import type { Db, NewUnit, Tx, UnitUpdate } from '@wenming/db';
import { STATUS_LEVELS } from '@wenming/domain';
import { type RawBuilder, sql } from 'kysely';
import { officeSubtree } from '../office/repository';
import { containsPattern } from '../text-search';

export interface UnitListQuery {
  officeId?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  q?: string | undefined;
  sort: 'name' | 'code' | 'level' | 'updatedAt';
  direction: 'asc' | 'desc';
  after?: [string | number | null, string] | undefined;
  limit: number;
}

/** Levels sort by rank, not alphabetically. */
const levelRank = sql<number>`array_position(${sql.lit(`{${STATUS_LEVELS.join(',')}}`)}::text[], u.status_level)`;

/**
 * Sort keys travel in cursors as text and are cast back, so a timestamp keeps its
 * microseconds (a JS Date would round them and make a page repeat).
 */
const SORT_KEYS: Record<UnitListQuery['sort'], { expr: RawBuilder<unknown>; type: string }> = {
  name: { expr: sql`u.name`, type: 'text' },
  code: { expr: sql`u.code`, type: 'text' },
  level: { expr: levelRank, type: 'integer' },
  updatedAt: { expr: sql`u.updated_at`, type: 'timestamptz' },
};

export async function listUnits(db: Db, ability: AppAbility, query: UnitListQuery) {
  const { expr: key, type } = SORT_KEYS[query.sort];
  const dir = query.direction === 'asc' ? sql`asc` : sql`desc`;
  let q = db
    .selectFrom('units as u')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .select([
      'u.id',
      'u.office_id',
      'o.name as office_name',
      'u.code',
      'u.name',
      'u.type',
      'u.status_level',
      'u.term_start_year',
      'u.term_end_year',
      'u.updated_at',
    ])
    .select(sql<string>`(${key})::text`.as('sort_key'))
    .where(accessibleWhere(ability, 'read', 'Unit', 'u'));
  if (query.officeId) q = q.where('u.office_id', 'in', officeSubtree(query.officeId));
  if (query.type) q = q.where('u.type', '=', query.type as never);
  if (query.level) q = q.where('u.status_level', '=', query.level as never);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.code', 'ilike', pattern)]));
  }
  if (query.after) {
    const [value, id] = query.after;
    const cmp = query.direction === 'asc' ? sql`>` : sql`<`;
    q = q.where(sql<boolean>`(${key}, u.id) ${cmp} (cast(${value} as ${sql.raw(type)}), ${id}::uuid)`);
  }
  return q
    .orderBy(sql`${key} ${dir}`)
    .orderBy(sql`u.id ${dir}`)
    .limit(query.limit + 1)
    .execute();
}

export async function findUnit(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('units as u')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .selectAll('u')
    .select('o.name as office_name')
    .where('u.id', '=', id);
  // Not `for update`: rows referencing the unit meanwhile only take a key share lock.
  if (opts.forUpdate) q = q.forNoKeyUpdate('u');
  return q.executeTakeFirst();
}

export async function listDepartments(db: Db, unitId: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'office_id', 'unit_id'])
    .where('unit_id', '=', unitId)
    .orderBy('name')
    .execute();
}

export async function insertUnit(trx: Tx, unit: NewUnit) {
  return trx.insertInto('units').values(unit).returning(['id', 'office_id']).executeTakeFirstOrThrow();
}

export async function updateUnit(trx: Tx, id: string, version: number, changes: UnitUpdate) {
  return trx
    .updateTable('units')
    .set({ ...changes, version: sql`version + 1` as unknown as number })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export async function insertDepartments(trx: Tx, unit: { id: string; office_id: string }, names: string[]) {
  if (names.length === 0) return;
  await trx
    .insertInto('departments')
    .values(names.map((name) => ({ office_id: unit.office_id, unit_id: unit.id, name })))
    .onConflict((oc) => oc.columns(['unit_id', 'name']).doNothing())
    .execute();
}

export async function listStatusRecords(db: Db, ability: AppAbility, unitId: string) {
  return db
    .selectFrom('status_records')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where(accessibleWhere(ability, 'read', 'StatusRecord'))
    .orderBy('seq', 'desc')
    .execute();
}
