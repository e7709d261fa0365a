import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-11-20T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });
const underAssessment = () =>
  t.db.updateTable('campaigns').set({ phase: 'under_assessment' }).where('id', '=', f.campaigns.U1).execute();

describe('removing an assessor', () => {
  it('takes an assessor off with their draft scores, audited; refuses once they have submitted', async () => {
    await underAssessment();
    const admin = await as('cityAdmin');
    const campaignId = f.campaigns.U1;
    await admin.assessment.assign({
      campaignId,
      assessors: [{ userId: f.users.cityInspector }, { userId: f.users.cityAdmin }],
    });
    const inspector = await as('cityInspector');
    const workspace = await inspector.assessment.get({ campaignId });
    const first = workspace.indicators[0]!;
    await inspector.assessment.score({ campaignId, indicatorId: first.id, entry: { points: 5 } });

    const after = await admin.assessment.unassign({ campaignId, userId: f.users.cityInspector });
    expect(after.assessorList.map((a) => a.userId)).toEqual([f.users.cityAdmin]);
    const drafts = await t.db
      .selectFrom('assessment_scores')
      .select('scorer_id')
      .where('campaign_id', '=', campaignId)
      .where('scorer_id', '=', f.users.cityInspector)
      .execute();
    expect(drafts).toEqual([]);
    expect(
      (await failure(inspector.assessment.score({ campaignId, indicatorId: first.id, entry: { points: 5 } })))
        .code,
    ).toBe('FORBIDDEN');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'summary'])
      .where('entity', '=', 'assessment')
      .where('action', '=', 'unassign')
      .execute();
    expect(audit).toMatchObject([
      { actor_id: f.users.cityAdmin, summary: { before: { userId: f.users.cityInspector } } },
    ]);

    // Once submitted, an assessor's scores count towards the result and the assessor stays.
    for (const i of workspace.indicators) {
      await admin.assessment.score({ campaignId, indicatorId: i.id, entry: { points: 1 } });
    }
    await admin.assessment.submit({ campaignId });
    expect(await failure(admin.assessment.unassign({ campaignId, userId: f.users.cityAdmin }))).toEqual({
      code: 'CONFLICT',
      appCode: 'ASSESSOR_SUBMITTED',
    });
    expect((await admin.assessment.get({ campaignId })).assessorList).toHaveLength(1);
    expect(
      (await failure(admin.assessment.unassign({ campaignId, userId: f.users.cityInspector }))).code,
    ).toBe('NOT_FOUND');
  });

  it('is the office’s: an assessor or the unit cannot remove anyone, and a foreign campaign is not found', async () => {
    await underAssessment();
    const admin = await as('cityAdmin');
    const campaignId = f.campaigns.U1;
    await admin.assessment.assign({ campaignId, assessors: [{ userId: f.users.cityInspector }] });
    const inspector = await as('cityInspector');
    expect(
      (await failure(inspector.assessment.unassign({ campaignId, userId: f.users.cityInspector }))).code,
    ).toBe('FORBIDDEN');
    const unit = await as('unit1Admin');
    expect(
      (await failure(unit.assessment.unassign({ campaignId, userId: f.users.cityInspector }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          admin.assessment.unassign({ campaignId: f.campaigns.U4, userId: f.users.cityInspector }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await admin.assessment.get({ campaignId })).assessorList).toHaveLength(1);
  });
});
