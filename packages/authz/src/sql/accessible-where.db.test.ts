import { subject } from '@casl/ability';
import type { Db } from '@wenming/db';
import { useTestDb } from '@wenming/db/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineAbilityFor, type Grant, ROLES, type SubjectName } from '../ability';
import { accessibleWhere } from './accessible-where';

/**
 * The SQL interpreter must agree with CASL itself: for random users (any mix of roles and
 * scopes), the rows a query returns are exactly the rows `ability.can` accepts one by one.
 */
const TABLES = {
  Office: 'offices',
  Unit: 'units',
  Department: 'departments',
  User: 'users',
  StatusRecord: 'status_records',
  Framework: 'frameworks',
  FrameworkAssignment: 'framework_assignments',
  Campaign: 'campaigns',
  Task: 'tasks',
  Evidence: 'evidence_items',
  Duty: 'duties',
  Survey: 'surveys',
  Suggestion: 'suggestions',
  Writeup: 'writeups',
  Selection: 'selections',
  Inspection: 'inspections',
  InspectionTarget: 'inspection_targets',
  Rectification: 'rectifications',
  Bulletin: 'bulletin_recipients',
  Notice: 'notice_subjects',
  Objection: 'objections',
  Report: 'reports',
  Meeting: 'meetings',
  Notification: 'notifications',
  Assessment: 'assessments',
  Decision: 'decisions',
} as const satisfies Record<Exclude<SubjectName, 'AuditLog'>, string>;

let world: { offices: string[]; units: { id: string; office_id: string; departments: string[] }[] };

async function build(db: Db) {
  const framework = await db
    .insertInto('frameworks')
    .values({
      code: 'F',
      version: 1,
      name_zh: 'F',
      name_en: 'F',
      level: 'city',
      applies_to: ['unit'],
      total_points: 100,
      content: '{}',
      content_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offices: string[] = [];
  const inspections = new Map<string, string>();
  const units: { id: string; office_id: string; departments: string[] }[] = [];
  for (let i = 0; i < 4; i++) {
    const parent = i === 0 ? null : offices[Math.floor((i - 1) / 2)]!;
    const o = await db
      .insertInto('offices')
      .values({ code: `O${i}`, name: `O${i}`, level: i === 0 ? 'city' : 'district', parent_id: parent })
      .returning('id')
      .executeTakeFirstOrThrow();
    offices.push(o.id);
    const inspection = await db
      .insertInto('inspections')
      .values({
        office_id: o.id,
        kind: i % 2 ? 'unannounced' : 'routine',
        title: 'i',
        planned_on: '2027-01-01',
        checklist: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    inspections.set(o.id, inspection.id);
    const bulletin = await db
      .insertInto('bulletins')
      .values({ office_id: o.id, kind: 'praise', title: 'b', body: 'b', published_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notice = await db
      .insertInto('notices')
      .values({
        office_id: o.id,
        kind: 'conferral',
        title: 'n',
        body: 'n',
        starts_on: '2027-01-01',
        ends_on: '2027-01-07',
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('objections')
      .values({ notice_id: notice.id, office_id: o.id, body: 'o', filed_at: new Date() })
      .execute();
    const schedule = await db
      .insertInto('report_schedules')
      .values({
        office_id: o.id,
        title: 'r',
        period: 'quarterly',
        due_day: 10,
        starts_on: '2027-01-01',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('duties')
      .values({ office_id: o.id, title: 'o', period: 'quarterly', starts_on: '2027-01-01' })
      .execute();
    await db
      .insertInto('framework_assignments')
      .values({ office_id: o.id, framework_id: framework.id, target_level: 'city' })
      .execute();
    for (let j = 0; j < 2; j++) {
      const u = await db
        .insertInto('units')
        .values({ office_id: o.id, code: `U${i}${j}`, name: `U${i}${j}`, type: 'school' })
        .returning(['id', 'office_id'])
        .executeTakeFirstOrThrow();
      const departments = await db
        .insertInto('departments')
        .values([1, 2].map((k) => ({ office_id: o.id, unit_id: u.id, name: `D${k}` })))
        .returning('id')
        .execute();
      await db
        .insertInto('status_records')
        .values({ office_id: o.id, unit_id: u.id, action: 'initial', level: 'none' })
        .execute();
      await db
        .insertInto('users')
        .values({
          office_id: o.id,
          unit_id: u.id,
          username: `user${i}${j}`,
          display_name: 'x',
          password_hash: 'x',
        })
        .execute();
      const campaign = await db
        .insertInto('campaigns')
        .values({
          office_id: o.id,
          unit_id: u.id,
          kind: 'upgrade',
          from_level: 'county',
          target_level: 'city',
          term_start_year: 2027,
          term_end_year: 2029,
          framework_id: framework.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('assessments')
        .values({ campaign_id: campaign.id, office_id: o.id, unit_id: u.id })
        .execute();
      await db
        .insertInto('decisions')
        .values({
          campaign_id: campaign.id,
          office_id: o.id,
          unit_id: u.id,
          outcome: 'rejection',
          level: 'county',
          decision_no: 'd',
          decided_on: '2027-12-01',
        })
        .execute();
      await db
        .insertInto('tasks')
        .values(
          [...departments.map((d) => d.id), null].map((department_id) => ({
            office_id: o.id,
            unit_id: u.id,
            campaign_id: campaign.id,
            title: 't',
            department_id,
          })),
        )
        .execute();
      await db
        .insertInto('evidence_items')
        .values(
          [...departments.map((d) => d.id), null].map((department_id) => ({
            office_id: o.id,
            unit_id: u.id,
            campaign_id: campaign.id,
            kind: 'meeting_minutes' as const,
            title: 'e',
            event_date: '2027-01-01',
            captured_at: new Date(),
            updated_at: new Date(),
            department_id,
          })),
        )
        .execute();
      await db
        .insertInto('duties')
        .values({
          office_id: o.id,
          unit_id: u.id,
          campaign_id: campaign.id,
          title: 'd',
          period: 'monthly',
          starts_on: '2027-01-01',
        })
        .execute();
      await db
        .insertInto('surveys')
        .values({
          office_id: o.id,
          unit_id: u.id,
          title_zh: 's',
          title_en: 's',
          audience: 'public',
          questions: '[]',
          opens_on: '2027-01-01',
          closes_on: '2027-02-01',
        })
        .execute();
      await db
        .insertInto('suggestions')
        .values({ office_id: o.id, unit_id: u.id, title: 's', body: 'b' })
        .execute();
      await db
        .insertInto('writeups')
        .values({
          office_id: o.id,
          unit_id: u.id,
          campaign_id: campaign.id,
          author_name: 'a',
          title: 't',
          body: 'b',
        })
        .execute();
      await db
        .insertInto('selections')
        .values({ office_id: o.id, unit_id: u.id, title: 't', category: 'civilized_staff' })
        .execute();
      await db
        .insertInto('inspection_targets')
        .values({
          inspection_id: inspections.get(o.id)!,
          office_id: o.id,
          unit_id: u.id,
          visible_to_unit: j === 0,
        })
        .execute();
      await db
        .insertInto('rectifications')
        .values({
          office_id: o.id,
          unit_id: u.id,
          title: 'r',
          requirement: 'x',
          deadline: '2027-02-01',
          issued_at: new Date(),
        })
        .execute();
      await db
        .insertInto('bulletin_recipients')
        .values({ bulletin_id: bulletin.id, office_id: o.id, unit_id: u.id })
        .execute();
      await db
        .insertInto('notice_subjects')
        .values({ notice_id: notice.id, office_id: o.id, unit_id: u.id, unit_name: 'u' })
        .execute();
      await db
        .insertInto('objections')
        .values({
          notice_id: notice.id,
          office_id: o.id,
          unit_id: u.id,
          body: 'o',
          contact: 'c',
          filed_at: new Date(),
        })
        .execute();
      await db
        .insertInto('reports')
        .values({
          schedule_id: schedule.id,
          office_id: o.id,
          unit_id: u.id,
          period_key: '2027-01-01',
          due_on: '2027-04-10',
          title: 'r',
          body: 'r',
          filed_at: new Date(),
        })
        .execute();
      await db
        .insertInto('meetings')
        .values({
          office_id: o.id,
          unit_id: u.id,
          title: 'm',
          held_on: '2027-01-01',
          attendees: ['a'],
          minutes: 'm',
          recorded_at: new Date(),
        })
        .execute();
      const unitUser = await db
        .selectFrom('users')
        .select('id')
        .where('unit_id', '=', u.id)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('notifications')
        .values({ office_id: o.id, user_id: unitUser.id, kind: 'other', title: 'n', created_at: new Date() })
        .execute();
      units.push({ ...u, departments: departments.map((d) => d.id) });
    }
    await db
      .insertInto('users')
      .values({ office_id: o.id, username: `staff${i}`, display_name: 'x', password_hash: 'x' })
      .execute();
  }
  world = { offices, units };
}

const t = useTestDb(build);
const key = (row: Record<string, unknown>) => JSON.stringify(row);

const grantArb = fc.record({
  role: fc.constantFrom(...ROLES),
  office: fc.nat(3),
  subtree: fc.subarray([0, 1, 2, 3]),
  unit: fc.nat(7),
  department: fc.nat(1),
});

describe('accessibleWhere', () => {
  it('selects exactly the rows CASL allows, for random users and every subject and action', async () => {
    const userIds = (await t.db.selectFrom('users').select('id').execute()).map((r) => r.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(grantArb, { maxLength: 3 }),
        fc.constantFrom(...userIds),
        async (raw, userId) => {
          const grants: Grant[] = raw.map((g) => {
            const unit = world.units[g.unit]!;
            const office = g.role.startsWith('unit') ? unit.office_id : world.offices[g.office]!;
            return {
              role: g.role,
              officeIds: g.role.startsWith('unit')
                ? [office]
                : [office, ...g.subtree.map((i) => world.offices[i]!)],
              unitId: g.role.startsWith('unit') ? unit.id : null,
              departmentId: g.role === 'unit_department_head' ? unit.departments[g.department]! : null,
            };
          });
          const ability = defineAbilityFor({ id: userId, grants });
          for (const [name, table] of Object.entries(TABLES) as [
            keyof typeof TABLES,
            (typeof TABLES)[keyof typeof TABLES],
          ][]) {
            const rows = (await t.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
            for (const action of ['read', 'create', 'update', 'assignRole', 'advance', 'review'] as const) {
              // Rows are compared whole: not every table has an id column.
              const viaSql = (
                (await t.db
                  .selectFrom(table)
                  .selectAll()
                  .where(accessibleWhere(ability, action, name))
                  .execute()) as Record<string, unknown>[]
              )
                .map(key)
                .sort();
              const viaCasl = rows
                .filter((row) => ability.can(action, subject(name, row as never)))
                .map(key)
                .sort();
              expect(viaSql, `${action} ${name}`).toEqual(viaCasl);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('selects nothing for a user with no role at all', async () => {
    const ability = defineAbilityFor({ id: '00000000-0000-0000-0000-000000000000', grants: [] });
    const rows = await t.db
      .selectFrom('units')
      .select('id')
      .where(accessibleWhere(ability, 'read', 'Unit'))
      .execute();
    expect(rows).toEqual([]);
  });
});
