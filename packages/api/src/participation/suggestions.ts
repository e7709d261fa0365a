import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import type {
  ZCreateSuggestion,
  ZCreateWriteup,
  ZListSuggestions,
  ZListWriteups,
  ZReplySuggestion,
} from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { assertOpen, readable as readableCampaign } from '../campaign/service';
import { type AuthedContext, actorId } from '../context';
import { olderThan, pageOf } from '../pagination';

/** 我为创建献一计: staff offer a suggestion for their unit's campaign. */
export async function suggest(ctx: AuthedContext, input: z.output<typeof ZCreateSuggestion>) {
  const campaign = await readableCampaign(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Suggestion', { office_id: campaign.office_id, unit_id: campaign.unit_id }),
  );
  assertOpen(campaign);
  const row = await ctx.db
    .insertInto('suggestions')
    .values({
      office_id: campaign.office_id,
      unit_id: campaign.unit_id,
      campaign_id: campaign.id,
      author_id: actorId(ctx),
      title: input.title,
      body: input.body,
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getSuggestion(ctx, row.id);
}

async function getSuggestion(ctx: AuthedContext, id: string) {
  const row = await ctx.db
    .selectFrom('suggestions as s')
    .leftJoin('users as u', 'u.id', 's.author_id')
    .innerJoin('units as un', 'un.id', 's.unit_id')
    .leftJoin('tasks as tk', 'tk.id', 's.task_id')
    .selectAll('s')
    .select(['u.display_name as author_name', 'un.name as unit_name', 'tk.title as task_title'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || !ctx.ability.can('read', subject('Suggestion', row)))
    throw new AppError('NOT_FOUND', { message: 'suggestion not found' });
  return toSuggestion(row);
}

function toSuggestion(r: {
  id: string;
  unit_id: string;
  unit_name: string;
  campaign_id: string | null;
  author_name: string | null;
  title: string;
  body: string;
  status: 'open' | 'adopted' | 'noted' | 'declined';
  reply: string | null;
  replied_at: Date | null;
  task_id: string | null;
  task_title: string | null;
  created_at: Date;
  version: number;
}) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    campaignId: r.campaign_id,
    authorName: r.author_name,
    title: r.title,
    body: r.body,
    status: r.status,
    reply: r.reply,
    repliedAt: r.replied_at ? r.replied_at.toISOString() : null,
    taskId: r.task_id,
    taskTitle: r.task_title,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function listSuggestions(ctx: AuthedContext, input: z.output<typeof ZListSuggestions>) {
  let q = ctx.db
    .selectFrom('suggestions as s')
    .leftJoin('users as u', 'u.id', 's.author_id')
    .innerJoin('units as un', 'un.id', 's.unit_id')
    .leftJoin('tasks as tk', 'tk.id', 's.task_id')
    .selectAll('s')
    .select([
      'u.display_name as author_name',
      'un.name as unit_name',
      'tk.title as task_title',
      sql<string>`s.created_at::text`.as('created_key'),
    ])
    .where(accessibleWhere(ctx.ability, 'read', 'Suggestion', 's'));
  if (input.id) q = q.where('s.id', '=', input.id);
  if (input.campaignId) q = q.where('s.campaign_id', '=', input.campaignId);
  if (input.unitId) q = q.where('s.unit_id', '=', input.unitId);
  if (input.status) q = q.where('s.status', '=', input.status);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 's.created_at', 's.id'));
  }
  const rows = await q
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(rows, input.limit, toSuggestion, (r) => [r.created_key, r.id]);
}

/** The campaign office answers every suggestion: adopted (optionally tied to a task), noted or declined. */
export async function reply(ctx: AuthedContext, input: z.output<typeof ZReplySuggestion>) {
  await withTx(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('suggestions')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || !ctx.ability.can('read', subject('Suggestion', row)))
      throw new AppError('NOT_FOUND', { message: 'suggestion not found' });
    ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Suggestion', row));
    if (row.version !== input.version) {
      throw new AppError('STALE_VERSION', {
        message: 'the suggestion was answered by someone else meanwhile; reload and try again',
        params: { current: row.version, yours: input.version },
      });
    }
    if (input.taskId) {
      const task = await trx
        .selectFrom('tasks')
        .select('id')
        .where('id', '=', input.taskId)
        .where('campaign_id', '=', row.campaign_id)
        .executeTakeFirst();
      if (!task)
        throw new AppError('BAD_REQUEST', {
          message: 'the task is not part of this campaign',
          fields: { taskId: 'not in this campaign' },
        });
    }
    await trx
      .updateTable('suggestions')
      .set({
        status: input.status,
        reply: input.reply,
        replied_by: actorId(ctx),
        replied_at: ctx.clock.now(),
        task_id: input.status === 'adopted' ? (input.taskId ?? null) : null,
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'suggestion',
      entityId: row.id,
      action: 'reply',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { status: input.status },
    });
  });
  return getSuggestion(ctx, input.id);
}

/** 心得体会: experience write-ups, collected per campaign. */
export async function write(ctx: AuthedContext, input: z.output<typeof ZCreateWriteup>) {
  const campaign = await readableCampaign(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Writeup', { office_id: campaign.office_id, unit_id: campaign.unit_id }),
  );
  assertOpen(campaign);
  const row = await ctx.db
    .insertInto('writeups')
    .values({
      office_id: campaign.office_id,
      unit_id: campaign.unit_id,
      campaign_id: campaign.id,
      author_id: actorId(ctx),
      author_name: ctx.user.displayName,
      title: input.title,
      body: input.body,
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await listWriteups(ctx, { id: row.id, limit: 1 });
  return page.items[0]!;
}

function toWriteup(r: {
  id: string;
  unit_id: string;
  unit_name: string;
  campaign_id: string;
  author_name: string;
  title: string;
  body: string;
  created_at: Date;
}) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    campaignId: r.campaign_id,
    authorName: r.author_name,
    title: r.title,
    body: r.body,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listWriteups(
  ctx: AuthedContext,
  input: z.output<typeof ZListWriteups> & { id?: string },
) {
  if (input.campaignId) await readableCampaign(ctx, input.campaignId);
  let q = ctx.db
    .selectFrom('writeups as w')
    .innerJoin('units as un', 'un.id', 'w.unit_id')
    .selectAll('w')
    .select(['un.name as unit_name', sql<string>`w.created_at::text`.as('created_key')])
    .where(accessibleWhere(ctx.ability, 'read', 'Writeup', 'w'));
  if (input.campaignId) q = q.where('w.campaign_id', '=', input.campaignId);
  if (input.unitId) q = q.where('w.unit_id', '=', input.unitId);
  if (input.id) q = q.where('w.id', '=', input.id);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 'w.created_at', 'w.id'));
  }
  const rows = await q
    .orderBy('w.created_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(rows, input.limit, toWriteup, (r) => [r.created_key, r.id]);
}
