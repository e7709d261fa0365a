import type { AppAbility } from '@wenming/authz';
import { accessibleWhere } from '@wenming/authz/sql';
import type { Db } from '@wenming/db';
import { sql } from 'kysely';

/** Every office below (and including) `officeId`, as a subquery for `in (...)`. */
export function officeSubtree(officeId: string) {
  return sql<string>`(with recursive sub(id) as (
      select id from offices where id = ${officeId}
      union all
      select o.id from offices o join sub on o.parent_id = sub.id
    ) select id from sub)`;
}

export async function listVisibleOffices(db: Db, ability: AppAbility) {
  return db
    .selectFrom('offices as o')
    .select(['o.id', 'o.parent_id', 'o.code', 'o.name', 'o.level'])
    .select((eb) =>
      eb
        .selectFrom('units as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.office_id', '=', 'o.id')
        .where(accessibleWhere(ability, 'read', 'Unit', 'u'))
        .as('unit_count'),
    )
    .where(accessibleWhere(ability, 'read', 'Office', 'o'))
    .orderBy('o.level')
    .orderBy('o.code')
    .execute();
}

export async function findOffice(db: Db, id: string) {
  return db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
}
