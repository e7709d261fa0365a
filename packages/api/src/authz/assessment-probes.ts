import type { Db } from '@wenming/db';
import type { Fixture } from '../testing/index';
import { ALL_OK, campaignOf, officeOf, type Probe, READ_OWN, type Target, unitOf } from './probe-kit';

/**
 * The permission-matrix rows of assessment, decisions and the status register (spread into
 * the matrix's probes). The fixture's campaigns are drafts: the office's writes are refused
 * as out of phase (CONFLICT), everyone else's as forbidden.
 */
export function assessmentProbes(db: () => Db): Record<string, Probe> {
  /** A confirmed veto on the target's campaign, made for the probe (each call its own). */
  async function vetoOf(f: Fixture, t: Target) {
    const tenant = { office_id: officeOf(f, t), unit_id: unitOf(f, t), campaign_id: campaignOf(f, t) };
    await db()
      .insertInto('assessments')
      .values(tenant)
      .onConflict((oc) => oc.column('campaign_id').doNothing())
      .execute();
    const row = await db()
      .insertInto('assessment_vetoes')
      .values({
        ...tenant,
        veto_code: 'V1',
        source: 'consultation',
        source_detail: '征求意见',
        confirmed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function decisionOf(f: Fixture, t: Target) {
    const tenant = { office_id: officeOf(f, t), unit_id: unitOf(f, t), campaign_id: campaignOf(f, t) };
    const found = await db()
      .selectFrom('decisions')
      .select('id')
      .where('campaign_id', '=', tenant.campaign_id)
      .executeTakeFirst();
    if (found) return found.id;
    const row = await db()
      .insertInto('decisions')
      .values({
        ...tenant,
        outcome: 'rejection',
        level: 'none',
        decision_no: '文〔2027〕1号',
        decided_on: '2027-05-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  /** A re-examination of the target's unit, recorded with the inspection that carried it out. */
  async function reexaminedBy(f: Fixture, t: Target) {
    const office_id = officeOf(f, t);
    const unit_id = unitOf(f, t);
    const inspection = await db()
      .insertInto('inspections')
      .values({
        office_id,
        kind: 're_examination',
        title: '年度复查',
        planned_on: '2027-05-01',
        checklist: JSON.stringify([{ key: 'k', label: '台账' }]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('inspection_targets')
      .values({ inspection_id: inspection.id, office_id, unit_id, visible_to_unit: true })
      .execute();
    await db()
      .insertInto('status_records')
      .values({
        office_id,
        unit_id,
        action: 'retain',
        level: 'city',
        inspection_id: inspection.id,
        recorded_at: new Date(),
      })
      .execute();
    return inspection.id;
  }
  /** Writes by the office only, refused as out of phase: the fixture's campaigns are drafts. */
  const OFFICE_CF = 'CF NF | FB NF | FB NF | FB NF | FB NF | FB NF';
  const ASSESSMENT_READ = 'ok NF | ok NF | ok NF | ok NF | FB NF | FB NF';
  const anyId = (f: Fixture) => f.units.U2;
  const step = (f: Fixture, t: Target) => ({
    unitId: unitOf(f, t),
    reason: '复查',
    decisionNo: '文明办〔2026〕1号',
    // Decisions are never dated in the future: this runs on the real clock.
    decidedOn: '2026-01-05',
  });

  return {
    'assessment.list': {
      call: (c) => c.assessment.list({}),
      expect: ALL_OK,
      ids: (r) => (r as { items: { unit: { id: string } }[] }).items.map((i) => i.unit.id),
    },
    'assessment.get': {
      call: (c, f, t) => c.assessment.get({ campaignId: campaignOf(f, t) }),
      expect: ASSESSMENT_READ,
    },
    'assessment.selfScore': {
      call: (c, f, t) =>
        c.assessment.selfScore({ campaignId: campaignOf(f, t), indicatorId: anyId(f), entry: { points: 1 } }),
      expect: 'FB NF | FB NF | FB NF | CF NF | FB NF | FB NF',
    },
    'assessment.score': {
      // Nobody is assigned as assessor in the fixture.
      call: (c, f, t) =>
        c.assessment.score({ campaignId: campaignOf(f, t), indicatorId: anyId(f), entry: { points: 1 } }),
      expect: 'FB NF | FB NF | FB NF | FB NF | FB NF | FB NF',
    },
    'assessment.submit': {
      call: (c, f, t) => c.assessment.submit({ campaignId: campaignOf(f, t) }),
      expect: 'FB NF | FB NF | FB NF | CF NF | FB NF | FB NF',
    },
    'assessment.moderate': {
      call: (c, f, t) =>
        c.assessment.moderate({
          campaignId: campaignOf(f, t),
          indicatorId: anyId(f),
          points: 1,
          reason: '复核',
          version: 0,
        }),
      expect: OFFICE_CF,
    },
    'assessment.assign': {
      call: (c, f, t) =>
        c.assessment.assign({ campaignId: campaignOf(f, t), assessors: [{ userId: f.users.cityInspector }] }),
      expect: OFFICE_CF,
    },
    'assessment.unassign': {
      call: (c, f, t) =>
        c.assessment.unassign({ campaignId: campaignOf(f, t), userId: f.users.cityInspector }),
      expect: OFFICE_CF,
    },
    'assessment.exempt': {
      call: (c, f, t) =>
        c.assessment.exempt({
          campaignId: campaignOf(f, t),
          indicatorId: anyId(f),
          exempt: true,
          reason: '不适用',
        }),
      expect: OFFICE_CF,
    },
    'assessment.confirmVeto': {
      call: (c, f, t) =>
        c.assessment.confirmVeto({
          campaignId: campaignOf(f, t),
          vetoCode: 'V1',
          source: 'consultation',
          sourceDetail: '征求意见',
        }),
      expect: 'ok NF | FB NF | FB NF | FB NF | FB NF | FB NF',
    },
    'assessment.clearVeto': {
      call: async (c, f, t) => c.assessment.clearVeto({ vetoId: await vetoOf(f, t), reason: '核实有误' }),
      expect: 'ok NF | FB NF | FB NF | FB NF | NF NF | NF NF',
    },
    'assessment.settings': {
      call: (c, f, t) => c.assessment.settings({ officeId: officeOf(f, t), targetLevel: 'county' }),
      expect: 'ok NF | ok NF | ok NF | NF NF | NF NF | NF NF',
    },
    'assessment.configure': {
      call: (c, f, t) =>
        c.assessment.configure({
          officeId: officeOf(f, t),
          targetLevel: 'county',
          passThreshold: 80,
          version: 0,
        }),
      expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
    },
    'decision.decide': {
      call: (c, f, t) =>
        c.decision.decide({
          campaignId: campaignOf(f, t),
          outcome: 'conferral',
          decisionNo: '文明委〔2027〕1号',
          decidedOn: '2027-01-05',
        }),
      expect: OFFICE_CF,
    },
    'decision.list': {
      call: (c) => c.decision.list({}),
      expect: ALL_OK,
      ids: (r) => (r as { items: { id: string }[] }).items.map((i) => i.id),
    },
    'decision.get': {
      call: async (c, f, t) => c.decision.get({ id: await decisionOf(f, t) }),
      expect: READ_OWN,
    },
    'status.register': {
      call: (c) => c.status.register({}),
      expect: ALL_OK,
      ids: (r) => (r as { items: { unitId: string }[] }).items.map((i) => i.unitId),
    },
    'status.yellowCard': {
      // The fixture's units hold no title: the office may act, but not this step now.
      call: (c, f, t) => c.status.yellowCard({ ...step(f, t), deadline: '2026-03-01' }),
      expect: OFFICE_CF,
    },
    'status.revoke': { call: (c, f, t) => c.status.revoke(step(f, t)), expect: OFFICE_CF },
    'status.restore': { call: (c, f, t) => c.status.restore(step(f, t)), expect: OFFICE_CF },
    'status.reexaminations': {
      call: async (c, f, t) => c.status.reexaminations({ inspectionId: await reexaminedBy(f, t) }),
      expect: ALL_OK,
      ids: (r) => (r as { items: { unitId: string }[] }).items.map((i) => i.unitId),
    },
    'status.reexamine': {
      call: (c, f, t) => c.status.reexamine({ ...step(f, t), outcome: 'retain' }),
      expect: OFFICE_CF,
    },
  };
}
