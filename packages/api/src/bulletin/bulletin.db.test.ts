import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-05-10T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

async function publish(extra: { inspectionId?: string; findingIds?: string[] } = {}) {
  const admin = await as('cityAdmin');
  return admin.bulletin.publish({
    officeId: f.offices.C,
    kind: 'criticism',
    title: '关于第二季度创建工作督查情况的通报',
    body: '督查发现部分单位台账不全，现予通报批评。',
    unitIds: [f.units.U1, f.units.U3],
    ...extra,
  });
}

describe('bulletins', () => {
  it('reach the addressed units only, with a read receipt and an acknowledgement the office sees', async () => {
    const bulletin = await publish();
    expect(bulletin.recipients.map((r) => r.unitId).sort()).toEqual([f.units.U1, f.units.U3].sort());
    expect(bulletin.recipients.every((r) => r.readAt === null && r.acknowledgedAt === null)).toBe(true);

    // A unit not addressed (U4, under another city) never learns of the bulletin.
    const unit4 = await as('unit4Admin');
    expect((await unit4.bulletin.list({})).items).toEqual([]);
    expect((await failure(unit4.bulletin.get({ id: bulletin.id }))).code).toBe('NOT_FOUND');

    const member = await as('unit1Member');
    const seen = await member.bulletin.get({ id: bulletin.id });
    // A unit sees only its own receipt, and may read but not acknowledge as a plain member.
    expect(seen.recipients).toHaveLength(1);
    expect(seen.recipients[0]).toMatchObject({ unitId: f.units.U1, readByName: 'u1.member' });
    expect(seen.canAcknowledge).toBe(false);
    expect((await failure(member.bulletin.acknowledge({ id: bulletin.id }))).code).toBe('FORBIDDEN');

    const unitAdmin = await as('unit1Admin');
    expect((await unitAdmin.bulletin.list({ unacknowledged: true })).items.map((b) => b.id)).toEqual([
      bulletin.id,
    ]);
    clock.set('2027-05-11T01:30:00Z');
    const signed = await unitAdmin.bulletin.acknowledge({ id: bulletin.id });
    expect(signed.recipients[0]).toMatchObject({
      acknowledgedAt: '2027-05-11T01:30:00.000Z',
      acknowledgedByName: 'u1.admin',
      // The first reader stays on the receipt.
      readByName: 'u1.member',
    });
    clock.set('2027-05-12T01:30:00Z');
    const again = await unitAdmin.bulletin.acknowledge({ id: bulletin.id });
    expect(again.recipients[0]!.acknowledgedAt).toBe('2027-05-11T01:30:00.000Z');
    expect((await unitAdmin.bulletin.list({ unacknowledged: true })).items).toEqual([]);

    const office = await as('cityInspector');
    const receipts = await office.bulletin.get({ id: bulletin.id });
    expect(receipts.recipients.find((r) => r.unitId === f.units.U1)).toMatchObject({
      acknowledgedByName: 'u1.admin',
      readByName: 'u1.member',
    });
    expect(receipts.recipients.find((r) => r.unitId === f.units.U3)).toMatchObject({
      readAt: null,
      acknowledgedAt: null,
    });
    // Office staff opening it leave no receipt for a unit.
    expect((await office.bulletin.list({})).items[0]).toMatchObject({
      recipients: 2,
      acknowledged: 1,
      read: 1,
    });
    clock.set('2027-05-10T02:00:00Z');
  });

  it('lands in the inbox of the addressed units’ campaign offices', async () => {
    const bulletin = await publish();
    const inbox = await (await as('unit1Admin')).notification.list({});
    expect(inbox.items[0]).toMatchObject({ kind: 'bulletin', link: `/portal/bulletins/${bulletin.id}` });
    // Opening the bulletin reads its inbox item.
    await (await as('unit1Admin')).bulletin.get({ id: bulletin.id });
    expect((await (await as('unit1Admin')).notification.unreadCount()).count).toBe(0);
    expect((await (await as('unit1Member')).notification.list({})).items).toEqual([]);
  });

  it('never names an unannounced inspection to the units before it is completed', async () => {
    const admin = await as('cityAdmin');
    const inspection = await admin.inspection.create({
      officeId: f.offices.C,
      kind: 'unannounced',
      title: '窗口暗访',
      plannedOn: '2027-05-12',
      unitIds: [f.units.U1],
      checklist: [{ key: 'k', label: '文明用语' }],
    });
    const withFinding = await admin.inspection.addFinding({
      inspectionId: inspection.id,
      unitId: f.units.U1,
      severity: 'major',
      description: '窗口人员脱岗',
    });
    const early = await failure(publish({ inspectionId: inspection.id }));
    expect(early).toEqual({ code: 'BAD_REQUEST', appCode: 'INSPECTION_NOT_VISIBLE' });
    expect((await failure(publish({ findingIds: [withFinding.findings[0]!.id] }))).appCode).toBe(
      'INSPECTION_NOT_VISIBLE',
    );
    await admin.inspection.complete({ id: inspection.id });
    const later = await admin.bulletin.publish({
      officeId: f.offices.C,
      kind: 'criticism',
      title: '暗访情况通报',
      body: '窗口人员脱岗',
      unitIds: [f.units.U1],
      inspectionId: inspection.id,
      findingIds: [withFinding.findings[0]!.id],
    });
    expect(later.inspectionTitle).toBe('窗口暗访');
    expect(later.findings).toHaveLength(1);
  });

  it('refuses units outside the office and fields left empty', async () => {
    const admin = await as('district1Admin');
    const outside = await failure(
      admin.bulletin.publish({
        officeId: f.offices.D1,
        kind: 'praise',
        title: '表扬',
        body: '表扬',
        unitIds: [f.units.U3],
      }),
    );
    expect(outside.code).toBe('NOT_FOUND');
    const empty = await failure(
      admin.bulletin.publish({ officeId: f.offices.D1, kind: 'praise', title: ' ', body: 'x', unitIds: [] }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
  });
});
