import type { AppAbility } from '@wenming/authz';
import { accessibleWhere } from '@wenming/authz/sql';
import type { Db, Tx } from '@wenming/db';
import { sql } from 'kysely';
import { containsPattern } from '../text-search';

export interface EvidenceListQuery {
  campaignId?: string | undefined;
  unitId?: string | undefined;
  indicatorId?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  includeRetracted: boolean;
  after?: [string, string] | undefined;
  limit: number;
}

const itemColumns = [
  'e.id',
  'e.office_id',
  'e.unit_id',
  'e.campaign_id',
  'e.kind',
  'e.title',
  'e.description',
  'e.event_date',
  'e.captured_at',
  'e.department_id',
  'e.keeper',
  'e.participants',
  'e.place',
  'e.revision',
  'e.retracted_at',
  'e.retract_reason',
  'e.carried_from',
  'd.name as department_name',
] as const;

type ItemColumn = (typeof itemColumns)[number];
const pageColumns = itemColumns.filter((c) => !c.startsWith('d.')) as Exclude<ItemColumn, `d.${string}`>[];

/**
 * Newest events first; a unit's ledger page is one index range scan. The department is
 * named by a lookup per item rather than a join: with a city's departments a join made the
 * planner hash all of them (15,000 rows) to name twenty.
 */
export async function listEvidence(db: Db, ability: AppAbility, query: EvidenceListQuery) {
  let q = db
    .selectFrom('evidence_items as e')
    .select(pageColumns)
    .select(
      sql<string | null>`(select d.name from departments d where d.id = e.department_id)`.as(
        'department_name',
      ),
    )
    .where(accessibleWhere(ability, 'read', 'Evidence', 'e'));
  if (query.campaignId) q = q.where('e.campaign_id', '=', query.campaignId);
  if (query.unitId) q = q.where('e.unit_id', '=', query.unitId);
  if (query.kind) q = q.where('e.kind', '=', query.kind as never);
  if (!query.includeRetracted) q = q.where('e.retracted_at', 'is', null);
  if (query.indicatorId) {
    const indicatorId = query.indicatorId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('evidence_indicators as ei')
          .select('ei.evidence_id')
          .whereRef('ei.evidence_id', '=', 'e.id')
          .where('ei.indicator_id', '=', indicatorId),
      ),
    );
  }
  if (query.q) q = q.where('e.title', 'ilike', containsPattern(query.q));
  if (query.after)
    q = q.where(sql<boolean>`(e.event_date, e.id) < (${query.after[0]}::date, ${query.after[1]}::uuid)`);
  return q
    .orderBy('e.event_date', 'desc')
    .orderBy('e.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

export async function findEvidence(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('evidence_items as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select(itemColumns)
    .where('e.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('e');
  return q.executeTakeFirst();
}

export type EvidenceRow = NonNullable<Awaited<ReturnType<typeof findEvidence>>>;

export async function linksOf(db: Db, ids: string[]) {
  if (ids.length === 0) return { indicators: [], tasks: [], attachments: [] };
  const [indicators, tasks, attachments] = await Promise.all([
    db
      .selectFrom('evidence_indicators as ei')
      .innerJoin('framework_indicators as i', 'i.id', 'ei.indicator_id')
      .select(['ei.evidence_id', 'i.id', 'i.code', 'i.name_zh', 'ei.explanation', 'ei.materials'])
      .where('ei.evidence_id', 'in', ids)
      .orderBy('i.position')
      .execute(),
    db
      .selectFrom('evidence_tasks as et')
      .innerJoin('tasks as t', 't.id', 'et.task_id')
      .select(['et.evidence_id', 't.id', 't.title'])
      .where('et.evidence_id', 'in', ids)
      .execute(),
    db
      .selectFrom('evidence_attachments as a')
      .innerJoin('files as f', 'f.sha256', 'a.sha256')
      .select(['a.evidence_id', 'a.position', 'a.sha256', 'a.name', 'f.bytes', 'f.mime'])
      .where('a.evidence_id', 'in', ids)
      .orderBy('a.position')
      .execute(),
  ]);
  return { indicators, tasks, attachments };
}

export interface Links {
  indicators: { indicatorId: string; explanation: string; materials: string[] }[];
  taskIds: string[];
  attachments: { sha256: string; name: string }[];
}

/** Replaces an item's links with `links` (a revision carries the whole content). */
export async function writeLinks(
  trx: Tx,
  item: { id: string; office_id: string; unit_id: string },
  links: Links,
) {
  await trx.deleteFrom('evidence_indicators').where('evidence_id', '=', item.id).execute();
  await trx.deleteFrom('evidence_tasks').where('evidence_id', '=', item.id).execute();
  await trx.deleteFrom('evidence_attachments').where('evidence_id', '=', item.id).execute();
  if (links.indicators.length) {
    await trx
      .insertInto('evidence_indicators')
      .values(
        links.indicators.map((l) => ({
          evidence_id: item.id,
          indicator_id: l.indicatorId,
          office_id: item.office_id,
          unit_id: item.unit_id,
          explanation: l.explanation,
          materials: l.materials,
        })),
      )
      .execute();
  }
  if (links.taskIds.length) {
    await trx
      .insertInto('evidence_tasks')
      .values(links.taskIds.map((task_id) => ({ evidence_id: item.id, task_id, office_id: item.office_id })))
      .execute();
  }
  if (links.attachments.length) {
    await trx
      .insertInto('evidence_attachments')
      .values(
        links.attachments.map((a, position) => ({
          evidence_id: item.id,
          position,
          sha256: a.sha256,
          name: a.name,
          office_id: item.office_id,
          unit_id: item.unit_id,
        })),
      )
      .execute();
  }
}
