import type { Db, Tx } from '@wenming/db';
import type { TFrameworkFile } from '@wenming/domain';
import { sql } from 'kysely';
import { containsPattern } from '../text-search';

export const summaryColumns = [
  'f.id',
  'f.code',
  'f.version',
  'f.name_zh',
  'f.name_en',
  'f.level',
  'f.applies_to',
  'f.total_points',
  'f.pass_threshold',
  'f.content',
  'f.imported_at',
] as const;

export interface FrameworkListQuery {
  q?: string | undefined;
  level?: string | undefined;
  latestOnly: boolean;
  after?: [string, number] | undefined;
  limit: number;
}

export async function listFrameworks(db: Db, query: FrameworkListQuery) {
  let q = db
    .selectFrom('frameworks as f')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('campaigns as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.framework_id', '=', 'f.id')
        .as('campaigns'),
    );
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('f.code', 'ilike', pattern),
        eb('f.name_zh', 'ilike', pattern),
        eb('f.name_en', 'ilike', pattern),
      ]),
    );
  }
  if (query.level) q = q.where('f.level', '=', query.level as never);
  if (query.latestOnly) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('frameworks as newer')
            .select('newer.id')
            .whereRef('newer.code', '=', 'f.code')
            .whereRef('newer.version', '>', 'f.version'),
        ),
      ),
    );
  }
  if (query.after) q = q.where(sql<boolean>`(f.code, f.version) > (${query.after[0]}, ${query.after[1]})`);
  return q
    .orderBy('f.code')
    .orderBy('f.version')
    .limit(query.limit + 1)
    .execute();
}

export async function findFramework(
  db: Db,
  where: { id: string } | { code: string; version?: number | undefined },
) {
  let q = db
    .selectFrom('frameworks as f')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('campaigns as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.framework_id', '=', 'f.id')
        .as('campaigns'),
    );
  if ('id' in where) q = q.where('f.id', '=', where.id);
  else {
    q = q.where('f.code', '=', where.code);
    q = where.version ? q.where('f.version', '=', where.version) : q.orderBy('f.version', 'desc');
  }
  return q.limit(1).executeTakeFirst();
}

export async function listStructure(db: Db, frameworkId: string) {
  const [categories, indicators] = await Promise.all([
    db
      .selectFrom('framework_categories')
      .select(['id', 'code', 'special'])
      .where('framework_id', '=', frameworkId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('framework_indicators')
      .select(['id', 'code'])
      .where('framework_id', '=', frameworkId)
      .orderBy('position')
      .execute(),
  ]);
  return { categories, indicators };
}

export async function versionsOf(trx: Tx, code: string) {
  // Two imports of one code at once must not both take the same next version.
  await sql`select pg_advisory_xact_lock(hashtext(${`framework:${code}`}))`.execute(trx);
  return trx
    .selectFrom('frameworks')
    .select(['id', 'version', 'content_hash'])
    .where('code', '=', code)
    .orderBy('version')
    .execute();
}

export async function insertFramework(
  trx: Tx,
  fw: TFrameworkFile,
  meta: { version: number; contentHash: string; importedBy: string | null; special: string[] },
) {
  const row = await trx
    .insertInto('frameworks')
    .values({
      code: fw.code,
      version: meta.version,
      name_zh: fw.name.zh,
      name_en: fw.name.en,
      level: fw.level,
      applies_to: fw.appliesTo,
      total_points: fw.totalPoints,
      pass_threshold: fw.passThreshold,
      content: JSON.stringify(fw),
      content_hash: meta.contentHash,
      imported_by: meta.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Indicator positions run across the whole framework, so ordering by position alone is framework order.
  let indicatorPosition = 0;
  for (const [position, category] of fw.categories.entries()) {
    const c = await trx
      .insertInto('framework_categories')
      .values({
        framework_id: row.id,
        position,
        code: category.code,
        name_zh: category.name.zh,
        name_en: category.name.en,
        points: category.points,
        special: meta.special.includes(category.code),
        reconstructed: category.reconstructed === true || (category.reconstructedFields?.length ?? 0) > 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('framework_indicators')
      .values(
        category.indicators.map((indicator) => ({
          framework_id: row.id,
          category_id: c.id,
          position: indicatorPosition++,
          code: indicator.code,
          name_zh: indicator.name.zh,
          name_en: indicator.name.en,
          points: indicator.points,
          veto: indicator.veto,
          method_zh: indicator.method.zh,
          evidence: indicator.evidence,
          reconstructed: indicator.reconstructed === true || (indicator.reconstructedFields?.length ?? 0) > 0,
        })),
      )
      .execute();
  }
  return row.id;
}

export async function listAssignments(db: Db, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return db
    .selectFrom('framework_assignments as a')
    .innerJoin('frameworks as f', 'f.id', 'a.framework_id')
    .innerJoin('offices as o', 'o.id', 'a.office_id')
    .select([
      'a.id',
      'a.office_id',
      'o.name as office_name',
      'a.target_level',
      'a.unit_type',
      'a.published_at',
      'f.id as framework_id',
      'f.code',
      'f.version',
      'f.name_zh',
      'f.name_en',
    ])
    .where('a.office_id', 'in', officeIds)
    .orderBy('a.target_level')
    .orderBy('a.unit_type')
    .execute();
}

/** The office and every office above it, nearest first: publications are inherited downwards. */
export async function officeAncestry(db: Db, officeId: string): Promise<string[]> {
  const rows = await sql<{ id: string; depth: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from offices where id = ${officeId}
      union all
      select o.id, o.parent_id, up.depth + 1 from offices o join up on o.id = up.parent_id
    ) select id, depth from up order by depth`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function upsertAssignment(
  trx: Tx,
  a: {
    office_id: string;
    framework_id: string;
    target_level: never;
    unit_type: string | null;
    published_by: string | null;
    at: Date;
  },
) {
  await trx
    .deleteFrom('framework_assignments')
    .where('office_id', '=', a.office_id)
    .where('target_level', '=', a.target_level)
    .where((eb) =>
      a.unit_type === null ? eb('unit_type', 'is', null) : eb('unit_type', '=', a.unit_type as never),
    )
    .execute();
  await trx
    .insertInto('framework_assignments')
    .values({
      office_id: a.office_id,
      framework_id: a.framework_id,
      target_level: a.target_level,
      unit_type: a.unit_type as never,
      published_by: a.published_by,
      published_at: a.at,
    })
    .execute();
}
