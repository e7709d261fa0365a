import { ForbiddenError, subject } from '@casl/ability';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { TDecision, ZDecide, ZListDecisions } from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { conferralNoticeFor } from '../notice/for-campaign';
import { messages } from '../notification/messages';
import { notify } from '../notification/notify';
import { loadCores, rankRound, resultOf, settingsFor } from './core';
import { assessable, tenant } from './scoring';
import { decisionRows, toDecision } from './view';

const conflict = (code: ConstructorParameters<typeof AppError>[0], message: string, params = {}) =>
  new AppError(code, { message, params });

/**
 * Conferral (命名) or renewal (保留) needs a complete, passing, unvetoed result inside the
 * quota, and a public notice (公示) whose window has closed without open or upheld
 * objections. Rejection needs none of that: the office may always say no, with a reason.
 */
async function checkConferrable(
  ctx: AuthedContext,
  row: Awaited<ReturnType<typeof assessable>>,
  decidedOn: string,
) {
  const core = (await loadCores(ctx.db, [row.id])).get(row.id)!;
  const settings = await settingsFor(ctx.db, row.office_id, row.target_level, core.frameworkThreshold);
  const result = resultOf(core, settings);
  if (result.unscored > 0) {
    throw conflict('ASSESSMENT_INCOMPLETE', `${result.unscored} indicators have no final score yet`, {
      count: result.unscored,
    });
  }
  if (result.vetoed)
    throw conflict('VETO_CONFIRMED', 'a veto item is confirmed: the campaign fails whatever its score');
  if (result.passed === null) {
    throw conflict('NO_PASS_THRESHOLD', 'set a pass mark for this level first: the framework has none');
  }
  if (!result.passed) {
    throw conflict(
      'BELOW_THRESHOLD',
      `total ${result.total} is below the pass mark ${settings.passThreshold}`,
      {
        total: result.total,
        threshold: settings.passThreshold ?? 0,
      },
    );
  }
  const ranking = await rankRound(ctx.db, core, settings);
  if (!ranking.withinQuota) {
    throw conflict('OUTSIDE_QUOTA', `ranked ${ranking.rank} of ${ranking.of}: outside the quota`, {
      rank: ranking.rank,
      of: ranking.of,
    });
  }
  const notice = await conferralNoticeFor(ctx.db, row.id);
  if (!notice) throw conflict('NOTICE_REQUIRED', 'publish a public notice (公示) naming this campaign first');
  if (notice.endsOn >= decidedOn) {
    throw conflict('NOTICE_WINDOW_OPEN', `the public notice runs until ${notice.endsOn}`, {
      endsOn: notice.endsOn,
    });
  }
  if (notice.openObjections > 0) {
    throw conflict('OBJECTIONS_OPEN', `${notice.openObjections} objections still need an answer`, {
      count: notice.openObjections,
    });
  }
  if (notice.upheldObjections > 0) {
    throw conflict('OBJECTION_UPHELD', 'an objection was upheld: the title cannot be conferred');
  }
  return result.total;
}

export async function decide(ctx: AuthedContext, input: z.output<typeof ZDecide>): Promise<TDecision> {
  const row = await assessable(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Decision', tenant(row)));
  if (row.phase === 'decided') throw conflict('ALREADY_DECIDED', 'this campaign was already decided');
  if (row.phase !== 'under_assessment') {
    throw conflict('NOT_UNDER_ASSESSMENT', `the campaign is ${row.phase}; accept it for assessment first`, {
      phase: row.phase,
    });
  }
  const expected = row.kind === 'renewal' ? 'renewal' : 'conferral';
  if (input.outcome !== 'rejection' && input.outcome !== expected) {
    throw new AppError('OUTCOME_MISMATCH', {
      message: `a ${row.kind} campaign ends in ${expected} or rejection`,
      fields: { outcome: `${expected} or rejection` },
    });
  }
  if (input.decidedOn > todayInChina(ctx.clock.now())) {
    throw new AppError('BAD_REQUEST', {
      message: 'a decision cannot be dated in the future',
      fields: { decidedOn: 'not after today' },
    });
  }
  const total = input.outcome === 'rejection' ? null : await checkConferrable(ctx, row, input.decidedOn);
  const now = ctx.clock.now();
  const id = await withTx(ctx.db, async (trx) => {
    const locked = (await trx
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', row.id)
      .forUpdate()
      .executeTakeFirst())!;
    // Two admins deciding at once: the second finds the campaign decided.
    if (locked.phase !== 'under_assessment')
      throw conflict('ALREADY_DECIDED', 'this campaign was already decided');
    const conferred = input.outcome !== 'rejection';
    const level = conferred ? locked.target_level : locked.from_level;
    const decision = await trx
      .insertInto('decisions')
      .values({
        campaign_id: locked.id,
        ...tenant(locked),
        outcome: input.outcome,
        level,
        term_start_year: conferred ? locked.term_start_year : null,
        term_end_year: conferred ? locked.term_end_year : null,
        decision_no: input.decisionNo,
        decided_on: input.decidedOn,
        total,
        reason: input.reason,
        decided_by: actorId(ctx),
        decided_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('campaigns')
      .set({ phase: 'decided', phase_changed_at: now, updated_at: now, version: locked.version + 1 })
      .where('id', '=', locked.id)
      .execute();
    await trx
      .insertInto('campaign_transitions')
      .values({
        ...tenant(locked),
        campaign_id: locked.id,
        from_phase: 'under_assessment',
        to_phase: 'decided',
        actor_id: actorId(ctx),
        comment: `${input.decisionNo} ${input.outcome}`,
        at: now,
      })
      .execute();
    if (conferred) {
      await trx
        .insertInto('status_records')
        .values({
          ...tenant(locked),
          action: input.outcome === 'renewal' ? 'renewal' : 'conferral',
          level: locked.target_level,
          term_start_year: locked.term_start_year,
          term_end_year: locked.term_end_year,
          decision_no: input.decisionNo,
          decided_on: input.decidedOn,
          reason: input.reason || null,
          recorded_by: actorId(ctx),
          recorded_at: now,
          campaign_id: locked.id,
        })
        .execute();
      await trx
        .updateTable('units')
        .set((eb) => ({
          status_level: locked.target_level,
          term_start_year: locked.term_start_year,
          term_end_year: locked.term_end_year,
          decision_no: input.decisionNo,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', locked.unit_id)
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'campaign',
      entityId: locked.id,
      action: 'decide',
      officeId: locked.office_id,
      unitId: locked.unit_id,
      after: { outcome: input.outcome, decisionNo: input.decisionNo, total },
    });
    await notify(trx, {
      unitId: locked.unit_id,
      kind: 'decision',
      message: messages.decision(input.decisionNo, conferred, input.reason),
      link: `/portal/assessment/${locked.id}`,
      at: now,
      dedupeKey: `decision:${locked.id}`,
    });
    return decision.id;
  });
  const decisions = await list(ctx, { unitId: row.unit_id });
  return decisions.items.find((d) => d.id === id)!;
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListDecisions>) {
  let q = decisionRows(ctx);
  if (input.unitId) q = q.where('d.unit_id', '=', input.unitId);
  if (input.officeId) q = q.where('d.office_id', '=', input.officeId);
  const rows = await q.orderBy('d.decided_on', 'desc').orderBy('d.id').limit(500).execute();
  return { items: rows.map(toDecision) };
}

/** One decision, for its certificate: readable by the office and by the unit it names. */
export async function get(ctx: AuthedContext, id: string): Promise<TDecision> {
  const row = await decisionRows(ctx).where('d.id', '=', id).executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', { message: 'decision not found', params: { entity: 'decision' } });
  return toDecision(row);
}
