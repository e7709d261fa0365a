import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { ZSetLeadingGroup } from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import * as units from '../unit/repository';
import { toMember } from './mappers';
import * as repo from './repository';
import { assertOpen, assertVersion, get, readable } from './service';

const sameMember = (
  a: { role: string; name: string; title: string | null; department_id: string | null; phone: string | null },
  b: typeof a,
) =>
  a.role === b.role &&
  a.name === b.name &&
  a.title === b.title &&
  a.department_id === b.department_id &&
  a.phone === b.phone;

/**
 * Replaces the current leading group with `members`. Members who stay as they were keep
 * their row; everyone else's row is closed and new rows opened, so the group's history
 * (who led when) stays on record.
 */
export async function setLeadingGroup(ctx: AuthedContext, input: z.output<typeof ZSetLeadingGroup>) {
  await readable(ctx, input.id);
  await withTx(ctx.db, async (trx) => {
    const campaign = (await repo.lockCampaign(trx, input.id))!;
    ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Campaign', campaign), 'leading_group');
    assertOpen(campaign);
    assertVersion(campaign, input.version);
    const departments = new Set((await units.listDepartments(trx, campaign.unit_id)).map((d) => d.id));
    input.members.forEach((m, i) => {
      if (m.departmentId && !departments.has(m.departmentId)) {
        throw new AppError('DEPARTMENT_NOT_IN_UNIT', {
          message: 'the department does not belong to this unit',
          fields: { [`members.${i}.departmentId`]: 'not a department of this unit' },
        });
      }
    });
    const wanted = input.members.map((m, position) => ({
      role: m.role,
      name: m.name,
      title: m.title ?? null,
      department_id: m.departmentId ?? null,
      phone: m.phone ?? null,
      position,
    }));
    const current = await repo.listLeadingGroup(trx, campaign.id, true);
    const kept = new Set<string>();
    const toAdd = wanted.filter((w) => {
      const match = current.find((c) => !kept.has(c.id) && sameMember(c, w));
      if (match) kept.add(match.id);
      return !match;
    });
    const toClose = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
    const now = ctx.clock.now();
    if (toClose.length > 0) {
      await trx
        .updateTable('leading_group_members')
        .set({ valid_to: now })
        .where('id', 'in', toClose)
        .execute();
    }
    if (toAdd.length > 0) {
      await trx
        .insertInto('leading_group_members')
        .values(
          toAdd.map((m) => ({
            ...m,
            office_id: campaign.office_id,
            unit_id: campaign.unit_id,
            campaign_id: campaign.id,
            valid_from: now,
            changed_by: actorId(ctx),
          })),
        )
        .execute();
    }
    await trx
      .updateTable('campaigns')
      .set({ version: campaign.version + 1, updated_at: now })
      .where('id', '=', campaign.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'campaign',
      entityId: campaign.id,
      action: 'set_leading_group',
      officeId: campaign.office_id,
      unitId: campaign.unit_id,
      after: { added: toAdd.map((m) => `${m.role}:${m.name}`), removed: toClose.length },
    });
  });
  return get(ctx, input.id);
}

export async function leadingGroupHistory(ctx: AuthedContext, campaignId: string) {
  await readable(ctx, campaignId);
  return { items: (await repo.listLeadingGroup(ctx.db, campaignId, false)).map(toMember) };
}
