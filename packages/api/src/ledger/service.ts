import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { type Db, withTx } from '@wenming/db';
import {
  lagDays,
  type TEvidence,
  type ZCreateEvidence,
  type ZListEvidence,
  type ZRetractEvidence,
  type ZReviseEvidence,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { assertOpen, readable as readableCampaign } from '../campaign/service';
import { type AuthedContext, actorId } from '../context';
import { decodeCursor, pageOf } from '../pagination';
import * as units from '../unit/repository';
import { appendEvent, type EvidenceContent } from './chain';
import * as repo from './repository';

type Fields = Omit<z.output<typeof ZCreateEvidence>, 'campaignId'>;

async function toEvidence(db: Db, rows: repo.EvidenceRow[]): Promise<TEvidence[]> {
  const links = await repo.linksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    campaignId: r.campaign_id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    eventDate: r.event_date,
    capturedAt: r.captured_at.toISOString(),
    lagDays: lagDays(r.event_date, r.captured_at),
    departmentId: r.department_id,
    departmentName: r.department_name,
    keeper: r.keeper,
    participants: r.participants,
    place: r.place,
    revision: r.revision,
    carriedFrom: r.carried_from,
    retracted: r.retracted_at !== null,
    retractReason: r.retract_reason,
    indicators: links.indicators
      .filter((l) => l.evidence_id === r.id)
      .map((l) => ({
        id: l.id,
        code: l.code,
        name: l.name_zh,
        explanation: l.explanation,
        materials: l.materials,
      })),
    tasks: links.tasks.filter((l) => l.evidence_id === r.id).map((l) => ({ id: l.id, title: l.title })),
    attachments: links.attachments
      .filter((l) => l.evidence_id === r.id)
      .map((l) => ({
        position: l.position,
        sha256: l.sha256,
        name: l.name,
        bytes: Number(l.bytes),
        mime: l.mime,
      })),
  }));
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListEvidence>) {
  const after = input.cursor ? (decodeCursor(input.cursor, 2) as [string, string]) : undefined;
  const rows = await repo.listEvidence(ctx.db, ctx.ability, { ...input, after });
  const page = pageOf(
    rows,
    input.limit,
    (r) => r,
    (r) => [r.event_date, r.id],
  );
  return { items: await toEvidence(ctx.db, page.items), nextCursor: page.nextCursor };
}

export async function readable(ctx: AuthedContext, id: string, forUpdate = false) {
  const row = await repo.findEvidence(ctx.db, id, { forUpdate });
  if (!row || !ctx.ability.can('read', subject('Evidence', row))) {
    throw new AppError('NOT_FOUND', { message: 'evidence not found', params: { entity: 'evidence' } });
  }
  return row;
}

export async function get(ctx: AuthedContext, id: string): Promise<TEvidence> {
  const [item] = await toEvidence(ctx.db, [await readable(ctx, id)]);
  return item!;
}

/** Links must stay inside the campaign: its framework's indicators, its unit's departments, its tasks, stored files. */
async function checkLinks(
  db: Db,
  campaign: { id: string; unit_id: string; framework_id: string },
  fields: Fields,
) {
  const indicatorIds = [...new Set(fields.indicators.map((i) => i.indicatorId))];
  if (indicatorIds.length !== fields.indicators.length) {
    throw new AppError('BAD_REQUEST', {
      message: 'an indicator is linked twice',
      fields: { indicators: 'linked twice' },
    });
  }
  if (indicatorIds.length) {
    const found = await db
      .selectFrom('framework_indicators')
      .select('id')
      .where('framework_id', '=', campaign.framework_id)
      .where('id', 'in', indicatorIds)
      .execute();
    if (found.length !== indicatorIds.length) {
      throw new AppError('INDICATOR_NOT_IN_FRAMEWORK', {
        message: "an indicator is not part of this campaign's framework",
        fields: { indicators: "not in this campaign's framework" },
      });
    }
  }
  if (
    fields.departmentId &&
    !(await units.listDepartments(db, campaign.unit_id)).some((d) => d.id === fields.departmentId)
  ) {
    throw new AppError('DEPARTMENT_NOT_IN_UNIT', {
      message: 'the department does not belong to this unit',
      fields: { departmentId: 'not a department of this unit' },
    });
  }
  const taskIds = [...new Set(fields.taskIds)];
  if (taskIds.length) {
    const tasks = await db
      .selectFrom('tasks')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .where('id', 'in', taskIds)
      .execute();
    if (tasks.length !== taskIds.length) {
      throw new AppError('BAD_REQUEST', {
        message: 'a task is not part of this campaign',
        fields: { taskIds: 'not in this campaign' },
      });
    }
  }
  const hashes = [...new Set(fields.attachments.map((a) => a.sha256))];
  if (hashes.length) {
    const files = await db.selectFrom('files').select('sha256').where('sha256', 'in', hashes).execute();
    if (files.length !== hashes.length) {
      throw new AppError('BAD_REQUEST', {
        message: 'an attachment was not uploaded',
        fields: { attachments: 'upload the file first' },
      });
    }
  }
  return taskIds;
}

function contentOf(
  fields: Fields,
  revision: number,
  capturedAt: Date,
  taskIds: string[],
  retractReason: string | null = null,
): EvidenceContent {
  return {
    revision,
    kind: fields.kind,
    title: fields.title,
    description: fields.description,
    eventDate: fields.eventDate,
    capturedAt: capturedAt.toISOString(),
    departmentId: fields.departmentId,
    keeper: fields.keeper,
    participants: fields.participants,
    place: fields.place,
    indicators: fields.indicators,
    taskIds,
    attachments: fields.attachments,
    retractReason,
  };
}

const columnsOf = (fields: Fields) => ({
  kind: fields.kind,
  title: fields.title,
  description: fields.description,
  event_date: fields.eventDate,
  department_id: fields.departmentId,
  keeper: fields.keeper,
  participants: fields.participants,
  place: fields.place,
});

export async function create(
  ctx: AuthedContext,
  input: z.output<typeof ZCreateEvidence>,
): Promise<TEvidence> {
  const campaign = await readableCampaign(ctx, input.campaignId);
  const tenant = {
    office_id: campaign.office_id,
    unit_id: campaign.unit_id,
    department_id: input.departmentId,
  };
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Evidence', tenant));
  assertOpen(campaign);
  const taskIds = await checkLinks(ctx.db, campaign, input);
  const id = await withTx(ctx.db, async (trx) => {
    // The capture time is the server's clock, whatever the client says.
    const now = ctx.clock.now();
    const item = await trx
      .insertInto('evidence_items')
      .values({
        ...columnsOf(input),
        office_id: campaign.office_id,
        unit_id: campaign.unit_id,
        campaign_id: campaign.id,
        captured_at: now,
        updated_at: now,
      })
      .returning(['id', 'office_id', 'unit_id'])
      .executeTakeFirstOrThrow();
    await repo.writeLinks(trx, item, {
      indicators: input.indicators,
      taskIds,
      attachments: input.attachments,
    });
    await appendEvent(trx, item.office_id, {
      unitId: item.unit_id,
      evidenceId: item.id,
      action: 'create',
      actorId: actorId(ctx),
      at: now.toISOString(),
      content: contentOf(input, 1, now, taskIds),
    });
    await recordAudit(trx, ctx, {
      entity: 'evidence',
      entityId: item.id,
      action: 'create',
      officeId: item.office_id,
      unitId: item.unit_id,
      after: { title: input.title },
    });
    return item.id;
  });
  return get(ctx, id);
}

async function lockForChange(ctx: AuthedContext, trx: Db, id: string) {
  const row = await readable({ ...ctx, db: trx }, id, true);
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Evidence', row));
  if (row.retracted_at)
    throw new AppError('EVIDENCE_RETRACTED', { message: 'this item was retracted; file a new one instead' });
  const campaign = row.campaign_id ? await readableCampaign({ ...ctx, db: trx }, row.campaign_id) : null;
  if (campaign) assertOpen(campaign);
  return { row, campaign };
}

/** Evidence is never edited in place: a revision is a new event carrying the whole new content. */
export async function revise(
  ctx: AuthedContext,
  input: z.output<typeof ZReviseEvidence>,
): Promise<TEvidence> {
  await withTx(ctx.db, async (trx) => {
    const { row, campaign } = await lockForChange(ctx, trx, input.id);
    if (input.departmentId !== row.department_id) {
      ForbiddenError.from(ctx.ability).throwUnlessCan(
        'update',
        subject('Evidence', { ...row, department_id: input.departmentId }),
      );
    }
    if (row.revision !== input.revision) {
      throw new AppError('STALE_VERSION', {
        message: 'this item was revised by someone else; reload and try again',
        params: { current: row.revision, yours: input.revision },
      });
    }
    const taskIds = campaign ? await checkLinks(trx, campaign, input) : [];
    const now = ctx.clock.now();
    const revision = row.revision + 1;
    await trx
      .updateTable('evidence_items')
      .set({ ...columnsOf(input), revision, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await repo.writeLinks(trx, row, {
      indicators: input.indicators,
      taskIds,
      attachments: input.attachments,
    });
    await appendEvent(trx, row.office_id, {
      unitId: row.unit_id,
      evidenceId: row.id,
      action: 'revise',
      actorId: actorId(ctx),
      at: now.toISOString(),
      content: contentOf(input, revision, row.captured_at, taskIds),
    });
    await recordAudit(trx, ctx, {
      entity: 'evidence',
      entityId: row.id,
      action: 'revise',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { revision },
    });
  });
  return get(ctx, input.id);
}

/** Retracting keeps the item and its history; it stops counting towards completeness. */
export async function retract(
  ctx: AuthedContext,
  input: z.output<typeof ZRetractEvidence>,
): Promise<TEvidence> {
  await withTx(ctx.db, async (trx) => {
    const { row } = await lockForChange(ctx, trx, input.id);
    const [current] = await toEvidence(trx, [row]);
    const now = ctx.clock.now();
    await trx
      .updateTable('evidence_items')
      .set({ retracted_at: now, retract_reason: input.reason, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const fields: Fields = {
      ...current!,
      indicators: current!.indicators.map((i) => ({
        indicatorId: i.id,
        explanation: i.explanation,
        materials: i.materials,
      })),
      taskIds: current!.tasks.map((t) => t.id),
      attachments: current!.attachments.map((a) => ({ sha256: a.sha256, name: a.name })),
    };
    await appendEvent(trx, row.office_id, {
      unitId: row.unit_id,
      evidenceId: row.id,
      action: 'retract',
      actorId: actorId(ctx),
      at: now.toISOString(),
      content: contentOf(fields, row.revision, row.captured_at, fields.taskIds, input.reason),
    });
    await recordAudit(trx, ctx, {
      entity: 'evidence',
      entityId: row.id,
      action: 'retract',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { reason: input.reason },
    });
  });
  return get(ctx, input.id);
}

export async function history(ctx: AuthedContext, id: string) {
  await readable(ctx, id);
  const events = await ctx.db
    .selectFrom('evidence_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.seq', 'ev.action', 'ev.at', 'ev.payload', 'ev.hash', 'u.display_name'])
    .where('ev.evidence_id', '=', id)
    .orderBy('ev.seq')
    .execute();
  return {
    items: events.map((e) => {
      const content = (JSON.parse(e.payload) as { content: EvidenceContent }).content;
      return {
        seq: Number(e.seq),
        action: e.action,
        at: e.at.toISOString(),
        actorName: e.display_name,
        revision: content.revision,
        title: content.title,
        hash: e.hash,
        reason: content.retractReason,
      };
    }),
  };
}
