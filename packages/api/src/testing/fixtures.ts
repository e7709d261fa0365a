import type { Db, Role } from '@wenming/db';
import type { TFrameworkFile } from '@wenming/domain';
import { hashPassword } from '../auth/password';
import { insertFramework } from '../framework/repository';

/** A small framework: two categories, three indicators, one of them a veto indicator. */
export const FIXTURE_FRAMEWORK: TFrameworkFile = {
  code: 'FX-CITY',
  name: { zh: '测试测评体系', en: 'Test framework' },
  appliesTo: ['unit'],
  level: 'city',
  source: 'test fixture',
  totalPoints: 30,
  passThreshold: 24,
  vetoItems: [{ code: 'V1', zh: '发生重大安全责任事故', en: 'major safety accident' }],
  categories: [
    {
      code: 'A',
      name: { zh: '组织领导', en: 'Leadership' },
      points: 20,
      indicators: [
        {
          code: 'A1',
          name: { zh: '领导小组', en: 'Leading group' },
          points: 10,
          criteria: { zh: '成立领导小组', en: 'A leading group exists' },
          method: { zh: '材料审核', en: 'document review' },
          evidence: ['领导小组文件', '会议纪要'],
          veto: false,
        },
        {
          code: 'A2',
          name: { zh: '创建规划', en: 'Plan' },
          points: 10,
          criteria: { zh: '有规划', en: 'A plan exists' },
          method: { zh: '材料审核', en: 'document review' },
          evidence: ['创建规划'],
          veto: false,
        },
      ],
    },
    {
      code: 'B',
      name: { zh: '安全稳定', en: 'Safety' },
      points: 10,
      reconstructed: true,
      indicators: [
        {
          code: 'B1',
          name: { zh: '安全生产', en: 'Work safety' },
          points: 10,
          criteria: { zh: '无重大事故', en: 'No major accident' },
          method: { zh: '问卷调查', en: 'questionnaire survey' },
          evidence: ['安全检查记录'],
          veto: true,
        },
      ],
    },
  ],
};

export const FIXTURE_PASSWORD = 'fixture-password';

/** The fixture surveys' one question, for tests that create surveys like them. */
export const FIXTURE_SURVEY_QUESTIONS = [
  {
    id: 'q',
    kind: 'scale5' as const,
    required: true,
    title: { zh: '满意度', en: '' },
    options: [],
    maxLength: 500,
  },
];

/**
 * A small multi-office world for permission tests:
 *
 *   province P
 *   ├── city C ── districts D1 (units U1, U2), D2 (unit U3)
 *   └── city C2 (unit U4)          ← a sibling office: always foreign to C's staff
 *
 * U1 has departments A and B. One user per role, named after what they can see.
 */
export interface Fixture {
  framework: string;
  /** Draft campaigns of U1 and U4, each with tasks per department. */
  campaigns: { U1: string; U4: string };
  tasks: { U1A: string; U1B: string; U4A: string };
  /** Evidence items (department A of U1, and U4), written directly: no chain events. */
  evidence: { U1A: string; U4A: string };
  /** Draft surveys of U1 and U4 (each unit surveys itself). */
  surveys: { U1: string; U4: string };
  /** Selections of U1 and U4, nominating, one nominee each; and a suggestion of each. */
  selections: { U1: string; U4: string };
  nominees: { U1: string; U4: string };
  suggestions: { U1: string; U4: string };
  offices: { P: string; C: string; D1: string; D2: string; C2: string };
  units: { U1: string; U2: string; U3: string; U4: string };
  departments: { A: string; B: string; U4A: string };
  users: Record<FixtureUser, string>;
}

export type FixtureUser =
  | 'cityAdmin'
  | 'cityInspector'
  | 'cityAnalyst'
  | 'district1Admin'
  | 'unit1Admin'
  | 'unit1HeadA'
  | 'unit1Member'
  | 'unit4Admin';

let hashed: Promise<string> | undefined;

export async function createFixture(db: Db): Promise<Fixture> {
  hashed ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await hashed;
  const office = async (code: string, level: 'province' | 'city' | 'district', parent: string | null) =>
    (
      await db
        .insertInto('offices')
        .values({ code, name: `${code} 文明办`, level, parent_id: parent })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const P = await office('P', 'province', null);
  const C = await office('C', 'city', P);
  const D1 = await office('D1', 'district', C);
  const D2 = await office('D2', 'district', C);
  const C2 = await office('C2', 'city', P);

  const unit = async (
    code: string,
    officeId: string,
    type: 'school' | 'community' | 'agency' | 'hospital',
  ) => {
    const row = await db
      .insertInto('units')
      .values({
        office_id: officeId,
        code,
        name: `${code} 单位`,
        type,
        contact_name: `${code} 联系人`,
        contact_phone: '0571-12345678',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('status_records')
      .values({ office_id: officeId, unit_id: row.id, action: 'initial', level: 'none' })
      .execute();
    return row.id;
  };
  const U1 = await unit('U1', D1, 'school');
  const U2 = await unit('U2', D1, 'community');
  const U3 = await unit('U3', D2, 'agency');
  const U4 = await unit('U4', C2, 'hospital');

  const department = async (unitId: string, officeId: string, name: string) =>
    (
      await db
        .insertInto('departments')
        .values({ unit_id: unitId, office_id: officeId, name })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const A = await department(U1, D1, '科室A');
  const B = await department(U1, D1, '科室B');
  const U4A = await department(U4, C2, '科室A');

  const user = async (
    username: string,
    role: Role,
    scope: { office: string; unit?: string; department?: string },
  ): Promise<string> => {
    const row = await db
      .insertInto('users')
      .values({
        office_id: scope.office,
        unit_id: scope.unit ?? null,
        username,
        display_name: username,
        phone: '13900000000',
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_assignments')
      .values({
        user_id: row.id,
        role,
        office_id: scope.office,
        unit_id: scope.unit ?? null,
        department_id: scope.department ?? null,
      })
      .execute();
    return row.id;
  };

  const framework = await insertFramework(db as never, FIXTURE_FRAMEWORK, {
    version: 1,
    contentHash: 'fixture',
    importedBy: null,
    special: [],
  });
  // Published at the province, so every office below inherits it for every target level.
  for (const level of ['county', 'city', 'city_model', 'provincial', 'national'] as const) {
    await db
      .insertInto('framework_assignments')
      .values({ office_id: P, framework_id: framework, target_level: level })
      .execute();
  }

  const campaign = async (unitId: string, officeId: string) =>
    (
      await db
        .insertInto('campaigns')
        .values({
          office_id: officeId,
          unit_id: unitId,
          kind: 'upgrade',
          from_level: 'none',
          target_level: 'county',
          term_start_year: 2027,
          term_end_year: 2029,
          framework_id: framework,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const campaigns = { U1: await campaign(U1, D1), U4: await campaign(U4, C2) };
  const task = async (campaignId: string, unitId: string, officeId: string, departmentId: string) =>
    (
      await db
        .insertInto('tasks')
        .values({
          office_id: officeId,
          unit_id: unitId,
          campaign_id: campaignId,
          title: '任务',
          department_id: departmentId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const tasks = {
    U1A: await task(campaigns.U1, U1, D1, A),
    U1B: await task(campaigns.U1, U1, D1, B),
    U4A: await task(campaigns.U4, U4, C2, U4A),
  };

  const evidenceItem = async (campaignId: string, unitId: string, officeId: string, departmentId: string) =>
    (
      await db
        .insertInto('evidence_items')
        .values({
          office_id: officeId,
          unit_id: unitId,
          campaign_id: campaignId,
          kind: 'meeting_minutes',
          title: '会议纪要',
          event_date: '2027-01-05',
          captured_at: new Date('2027-01-06T02:00:00Z'),
          updated_at: new Date('2027-01-06T02:00:00Z'),
          department_id: departmentId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const evidence = {
    U1A: await evidenceItem(campaigns.U1, U1, D1, A),
    U4A: await evidenceItem(campaigns.U4, U4, C2, U4A),
  };

  // Each with its unit's link, as survey.create makes them: an answer belongs to a link.
  const survey = async (unitId: string, officeId: string) => {
    const { id } = await db
      .insertInto('surveys')
      .values({
        office_id: officeId,
        unit_id: unitId,
        title_zh: '满意度测评',
        title_en: 'Survey',
        audience: 'public',
        questions: JSON.stringify(FIXTURE_SURVEY_QUESTIONS),
        opens_on: '2027-01-01',
        closes_on: '2027-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('survey_targets')
      .values({ token: `t-${unitId}`, survey_id: id, office_id: officeId, unit_id: unitId })
      .execute();
    return id;
  };
  const surveys = { U1: await survey(U1, D1), U4: await survey(U4, C2) };

  const selection = async (unitId: string, officeId: string) => {
    const row = await db
      .insertInto('selections')
      .values({
        office_id: officeId,
        unit_id: unitId,
        title: '2027年度文明职工评选',
        category: 'civilized_staff',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const nominee = await db
      .insertInto('selection_nominees')
      .values({ selection_id: row.id, office_id: officeId, name: '候选人' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return [row.id, nominee.id] as const;
  };
  const [selU1, nomU1] = await selection(U1, D1);
  const [selU4, nomU4] = await selection(U4, C2);
  const suggestion = async (unitId: string, officeId: string, campaignId: string) =>
    (
      await db
        .insertInto('suggestions')
        .values({
          office_id: officeId,
          unit_id: unitId,
          campaign_id: campaignId,
          title: '建议',
          body: '增设志愿服务岗',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  return {
    framework,
    campaigns,
    tasks,
    evidence,
    surveys,
    selections: { U1: selU1, U4: selU4 },
    nominees: { U1: nomU1, U4: nomU4 },
    suggestions: { U1: await suggestion(U1, D1, campaigns.U1), U4: await suggestion(U4, C2, campaigns.U4) },
    offices: { P, C, D1, D2, C2 },
    units: { U1, U2, U3, U4 },
    departments: { A, B, U4A },
    users: {
      cityAdmin: await user('city.admin', 'office_admin', { office: C }),
      cityInspector: await user('city.inspector', 'office_inspector', { office: C }),
      cityAnalyst: await user('city.analyst', 'analyst', { office: C }),
      district1Admin: await user('d1.admin', 'office_admin', { office: D1 }),
      unit1Admin: await user('u1.admin', 'unit_admin', { office: D1, unit: U1 }),
      unit1HeadA: await user('u1.head.a', 'unit_department_head', { office: D1, unit: U1, department: A }),
      unit1Member: await user('u1.member', 'unit_member', { office: D1, unit: U1 }),
      unit4Admin: await user('u4.admin', 'unit_admin', { office: C2, unit: U4 }),
    },
  };
}
