import { randomBytes } from 'node:crypto';
import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import { type ZCreateSurvey, type ZListSurveys, ZQuestionnaire, type ZSubmitAnswers } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId, type Context } from '../context';
import * as offices from '../office/repository';
import { olderThan, pageOf } from '../pagination';
import { acceptAnswer } from './public-answer';
import { surveyUrl } from './qr';

export { ANSWERS_PER_IP_PER_MINUTE } from './public-answer';

async function readableSurvey(ctx: AuthedContext, id: string) {
  const row = await ctx.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !ctx.ability.can('read', subject('Survey', row))) {
    throw new AppError('NOT_FOUND', { message: 'survey not found', params: { entity: 'survey' } });
  }
  return row;
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateSurvey>) {
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'office_id'])
    .where('id', 'in', input.unitIds)
    .execute();
  const readable = units.filter((u) => ctx.ability.can('read', subject('Unit', u)));
  if (readable.length !== new Set(input.unitIds).size)
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  let owner: { office_id: string; unit_id: string | null };
  if (input.officeId) {
    const office = await offices.findOffice(ctx.db, input.officeId);
    if (!office || !ctx.ability.can('read', subject('Office', office)))
      throw new AppError('NOT_FOUND', { message: 'office not found' });
    owner = { office_id: office.id, unit_id: null };
  } else {
    if (readable.length !== 1)
      throw new AppError('BAD_REQUEST', {
        message: 'a unit surveys itself only',
        fields: { unitIds: 'one unit' },
      });
    owner = { office_id: readable[0]!.office_id, unit_id: readable[0]!.id };
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Survey', owner));
  if (input.closesOn < input.opensOn)
    throw new AppError('BAD_REQUEST', {
      message: 'closes before it opens',
      fields: { closesOn: 'before opensOn' },
    });
  return withTx(ctx.db, async (trx) => {
    const survey = await trx
      .insertInto('surveys')
      .values({
        ...owner,
        title_zh: input.title.zh,
        title_en: input.title.en,
        description: input.description,
        description_en: input.descriptionEn,
        audience: input.audience,
        questions: JSON.stringify(input.questions),
        indicator_codes: input.indicatorCodes,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        created_by: actorId(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('survey_targets')
      .values(
        readable.map((u) => ({
          token: randomBytes(12).toString('base64url'),
          survey_id: survey.id,
          office_id: u.office_id,
          unit_id: u.id,
        })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'survey',
      entityId: survey.id,
      action: 'create',
      officeId: owner.office_id,
      unitId: owner.unit_id,
      after: { title: input.title.zh, targets: readable.length },
    });
    return get(ctx, survey.id, trx);
  });
}

export async function setStatus(ctx: AuthedContext, id: string, status: 'open' | 'closed') {
  const row = await readableSurvey(ctx, id);
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Survey', row));
  const allowed = status === 'open' ? row.status === 'draft' : row.status === 'open';
  if (!allowed)
    throw new AppError('CONFLICT', {
      message: `a ${row.status} survey cannot be ${status === 'open' ? 'opened' : 'closed'}`,
      params: { status: row.status },
    });
  await withTx(ctx.db, async (trx) => {
    await trx.updateTable('surveys').set({ status }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'survey',
      entityId: id,
      action: status === 'open' ? 'open' : 'close',
      officeId: row.office_id,
      unitId: row.unit_id,
    });
  });
  return get(ctx, id);
}

export async function get(ctx: AuthedContext, id: string, db = ctx.db) {
  const row = await readableSurvey({ ...ctx, db }, id);
  const links = await db
    .selectFrom('survey_targets as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.token', 't.unit_id', 'u.name'])
    .select((eb) =>
      eb
        .selectFrom('survey_responses as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.survey_id', '=', 't.survey_id')
        .whereRef('r.unit_id', '=', 't.unit_id')
        .as('responses'),
    )
    .where('t.survey_id', '=', id)
    .orderBy('u.name')
    .execute();
  return {
    ...summary(
      row,
      links.length,
      links.reduce((n, l) => n + Number(l.responses ?? 0), 0),
    ),
    description: row.description,
    descriptionEn: row.description_en,
    questions: ZQuestionnaire.parse(row.questions),
    indicatorCodes: row.indicator_codes,
    links: links.map((l) => ({
      unitId: l.unit_id,
      unitName: l.name,
      token: l.token,
      url: surveyUrl(ctx.request.publicUrl ?? '', l.token),
      responses: Number(l.responses ?? 0),
    })),
  };
}

function summary(
  row: {
    id: string;
    office_id: string;
    unit_id: string | null;
    title_zh: string;
    title_en: string;
    audience: 'public' | 'staff';
    status: 'draft' | 'open' | 'closed';
    opens_on: string;
    closes_on: string;
    created_at: Date;
  },
  targets: number,
  responses: number,
) {
  return {
    id: row.id,
    officeId: row.office_id,
    unitId: row.unit_id,
    title: { zh: row.title_zh, en: row.title_en },
    audience: row.audience,
    status: row.status,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    targets,
    responses,
    createdAt: row.created_at.toISOString(),
  };
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListSurveys>) {
  let q = ctx.db
    .selectFrom('surveys as s')
    .selectAll('s')
    .select((eb) => [
      eb
        .selectFrom('survey_targets as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.survey_id', '=', 's.id')
        .as('targets'),
      eb
        .selectFrom('survey_responses as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.survey_id', '=', 's.id')
        .as('responses'),
    ])
    .where(accessibleWhere(ctx.ability, 'read', 'Survey', 's'));
  if (input.unitId) q = q.where('s.unit_id', '=', input.unitId);
  if (input.status) q = q.where('s.status', '=', input.status);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 's.created_at', 's.id'));
  }
  const rows = await q
    .select(sql<string>`s.created_at::text`.as('created_key'))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(
    rows,
    input.limit,
    (r) => summary(r, Number(r.targets ?? 0), Number(r.responses ?? 0)),
    (r) => [r.created_key, r.id],
  );
}

/** The public side, by link token: open and within its dates, or a clear refusal. */
async function openTarget(ctx: Context, token: string) {
  const row = await ctx.db
    .selectFrom('survey_targets as t')
    .innerJoin('surveys as s', 's.id', 't.survey_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select([
      't.survey_id',
      't.unit_id',
      't.office_id',
      's.status',
      's.opens_on',
      's.closes_on',
      's.questions',
      's.title_zh',
      's.title_en',
      's.description',
      's.description_en',
      'u.name as unit_name',
    ])
    .where('t.token', '=', token)
    .executeTakeFirst();
  if (!row) throw new AppError('SURVEY_NOT_FOUND', { message: 'there is no survey at this link' });
  const day = todayInChina(ctx.clock.now());
  if (row.status !== 'open' || day < row.opens_on || day > row.closes_on) {
    throw new AppError('SURVEY_CLOSED', {
      message: 'this survey is not open',
      params: { opensOn: row.opens_on, closesOn: row.closes_on },
    });
  }
  return row;
}

export async function publicForm(ctx: Context, token: string) {
  const row = await openTarget(ctx, token);
  return {
    title: { zh: row.title_zh, en: row.title_en },
    description: row.description,
    descriptionEn: row.description_en,
    unitName: row.unit_name,
    questions: ZQuestionnaire.parse(row.questions),
    closesOn: row.closes_on,
  };
}

/** The tRPC face of the public answer path; the server's plain route calls the same. */
export function answer(ctx: Context, input: z.output<typeof ZSubmitAnswers>) {
  const { token, ...body } = input;
  return acceptAnswer(ctx, token, body, ctx.request.ip);
}
