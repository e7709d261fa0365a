import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  await db.deleteFrom('evidence_items').execute();
});
const clock = fixedClock('2027-05-15T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

describe('recurring duties', () => {
  it('shows each period of the office’s and the unit’s duties as met, missing or upcoming', async () => {
    const city = await as('cityAdmin');
    await city.duty.create({
      officeId: f.offices.C,
      title: '每季度召开领导小组会议',
      period: 'quarterly',
      evidenceKind: 'meeting_minutes',
      startsOn: '2027-01-01',
    });
    const unit = await as('unit1Admin');
    await unit.duty.create({
      campaignId: f.campaigns.U1,
      title: '每月开展学雷锋活动',
      period: 'monthly',
      indicatorCodes: ['B1'],
      startsOn: '2027-03-01',
    });
    const b1 = (
      await t.db
        .selectFrom('framework_indicators')
        .select('id')
        .where('code', '=', 'B1')
        .executeTakeFirstOrThrow()
    ).id;
    await unit.evidence.create({
      campaignId: f.campaigns.U1,
      kind: 'meeting_minutes',
      title: '一季度领导小组会议纪要',
      eventDate: '2027-02-20',
    });
    await unit.evidence.create({
      campaignId: f.campaigns.U1,
      kind: 'activity',
      title: '三月学雷锋',
      eventDate: '2027-03-05',
      indicators: [{ indicatorId: b1 }],
    });
    await unit.evidence.create({
      campaignId: f.campaigns.U1,
      kind: 'activity',
      title: '五月学雷锋',
      eventDate: '2027-05-04',
      indicators: [{ indicatorId: b1 }],
    });

    const { items } = await unit.duty.calendar({ campaignId: f.campaigns.U1 });
    const byTitle = Object.fromEntries(
      items.map((d) => [d.title, d.periods.map((p) => `${p.start.slice(0, 7)}:${p.status}`)]),
    );
    expect(byTitle.每季度召开领导小组会议).toEqual(['2027-01:met', '2027-04:upcoming', '2027-07:upcoming']);
    expect(byTitle.每月开展学雷锋活动!.slice(0, 4)).toEqual([
      '2027-03:met',
      '2027-04:missing',
      '2027-05:met',
      '2027-06:upcoming',
    ]);
    expect(items.find((d) => d.title === '每季度召开领导小组会议')?.scope).toBe('office');
  });

  it('does not show another office’s duties, and lets only admins define them', async () => {
    const foreign = await as('unit4Admin');
    await foreign.duty.create({
      campaignId: f.campaigns.U4,
      title: '外单位职责',
      period: 'monthly',
      startsOn: '2027-01-01',
    });
    expect((await (await as('unit1Admin')).duty.calendar({ campaignId: f.campaigns.U1 })).items).toEqual([]);
    expect(
      (
        await failure(
          (
            await as('cityInspector')
          ).duty.create({ officeId: f.offices.C, title: 'x', period: 'yearly', startsOn: '2027-01-01' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          (
            await as('unit1Member')
          ).duty.create({ campaignId: f.campaigns.U1, title: 'x', period: 'yearly', startsOn: '2027-01-01' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('switches a duty off instead of deleting it', async () => {
    const unit = await as('unit1Admin');
    const duty = await unit.duty.create({
      campaignId: f.campaigns.U1,
      title: '月度自查',
      period: 'monthly',
      startsOn: '2027-01-01',
    });
    await unit.duty.deactivate({ id: duty.id });
    expect((await unit.duty.calendar({ campaignId: f.campaigns.U1 })).items).toEqual([]);
    expect(
      await t.db.selectFrom('duties').select('active').where('id', '=', duty.id).executeTakeFirst(),
    ).toEqual({ active: false });
  });
});
