import type { StatusLevel, UnitType } from '@wenming/db';
import { addDays, idOf, onDay, pick, rngFor } from './plan';

/** What one generated unit needs from its surroundings. */
export interface Context {
  seed: number;
  officeIds: string[];
  frameworkId: string;
  indicators: { id: string; code: string; name: string }[];
  tasksPerUnit: number;
}

/** Rows per table, appended to by each unit and flushed in foreign-key order. */
export type Rows = Record<string, Record<string, unknown>[]>;

const TYPES: readonly UnitType[] = ['community', 'school', 'agency', 'hospital', 'enterprise', 'village'];
const SUFFIX: Record<string, string> = {
  community: '社区居委会',
  school: '学校',
  agency: '局',
  hospital: '医院',
  enterprise: '有限公司',
  village: '村委会',
};
const PLACES = [
  '清河',
  '云山',
  '东湖',
  '西岭',
  '南浦',
  '北苑',
  '江岸',
  '龙泉',
  '桃源',
  '松林',
  '白沙',
  '青石',
];
const DEPARTMENTS = ['办公室', '业务科', '综合科', '党建办'];
const LEADERS = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴刚'];

export const unitCode = (seed: number, i: number) => `G${seed}-${String(i).padStart(5, '0')}`;

/** The register and campaign of unit `i`: the unit, departments, status, an open campaign, its tasks. */
export function unitRows(ctx: Context, i: number, rows: Rows) {
  const random = rngFor(ctx.seed, 'unit', i);
  const { seed } = ctx;
  const type = pick(random, TYPES);
  const officeId = ctx.officeIds[i % ctx.officeIds.length]!;
  const id = idOf(seed, 'unit', i);
  const roll = random();
  // Most units campaign for their first title; some hold one and aim higher or renew it.
  const level: StatusLevel = roll < 0.6 ? 'none' : roll < 0.9 ? 'county' : 'city';
  const target: StatusLevel = level === 'none' ? 'county' : 'city';
  rows.units!.push({
    id,
    office_id: officeId,
    code: unitCode(seed, i),
    name: `${pick(random, PLACES)}${i + 1}号${SUFFIX[type]}`,
    type,
    address: `江州市${pick(random, PLACES)}路 ${1 + Math.floor(random() * 300)} 号`,
    status_level: level,
    term_start_year: level === 'none' ? null : 2024,
    term_end_year: level === 'none' ? null : 2026,
  });
  rows.status_records!.push({ office_id: officeId, unit_id: id, action: 'initial', level: 'none' });
  if (level !== 'none')
    rows.status_records!.push({
      office_id: officeId,
      unit_id: id,
      action: 'conferral',
      level,
      term_start_year: 2024,
      term_end_year: 2026,
      decided_on: '2024-01-15',
    });
  const departments = DEPARTMENTS.slice(0, 3).map((name, d) => {
    const dep = { id: idOf(seed, 'department', `${i}:${d}`), office_id: officeId, unit_id: id, name };
    rows.departments!.push(dep);
    return dep.id;
  });
  const campaignId = idOf(seed, 'campaign', i);
  const phase = random() < 0.85 ? 'implementation' : 'consolidation';
  const opened = onDay('2026-02-20', Math.floor(random() * 600));
  rows.campaigns!.push({
    id: campaignId,
    office_id: officeId,
    unit_id: id,
    kind: level === 'city' ? 'renewal' : 'upgrade',
    from_level: level,
    target_level: target,
    term_start_year: 2027,
    term_end_year: 2029,
    framework_id: ctx.frameworkId,
    phase,
    phase_changed_at: onDay('2026-04-01', 0),
    plan: '按照测评体系逐项分解任务，落实责任科室和责任人。',
    implementation_plan: '分动员部署、组织实施、巩固提高三个阶段推进。',
    created_at: opened,
    updated_at: opened,
  });
  const steps = [
    'draft',
    'mobilization',
    'implementation',
    ...(phase === 'consolidation' ? ['consolidation'] : []),
  ];
  steps.forEach((to, s) => {
    rows.campaign_transitions!.push({
      office_id: officeId,
      unit_id: id,
      campaign_id: campaignId,
      from_phase: s === 0 ? null : steps[s - 1],
      to_phase: to,
      at: new Date(opened.getTime() + s * 20 * 86_400_000),
    });
  });
  (['leader', 'contact'] as const).forEach((role, p) => {
    rows.leading_group_members!.push({
      office_id: officeId,
      unit_id: id,
      campaign_id: campaignId,
      role,
      name: pick(random, LEADERS),
      title: role === 'leader' ? '主要负责人' : '创建办联络员',
      department_id: departments[0],
      position: p,
      valid_from: opened,
    });
  });
  for (let k = 0; k < ctx.tasksPerUnit; k++) {
    const indicator = ctx.indicators[k % ctx.indicators.length]!;
    const taskId = idOf(seed, 'task', `${i}:${k}`);
    const deadline = addDays('2026-04-01', Math.floor(random() * 450));
    const s = random();
    const status = s < 0.4 ? 'done' : s < 0.7 ? 'in_progress' : 'todo';
    rows.tasks!.push({
      id: taskId,
      office_id: officeId,
      unit_id: id,
      campaign_id: campaignId,
      title: `${indicator.name}：第${Math.floor(k / ctx.indicators.length) + 1}项落实`,
      responsible_leader: pick(random, LEADERS),
      department_id: pick(random, departments),
      deadline,
      status,
      required: k < ctx.indicators.length,
      completed_at: status === 'done' ? onDay(deadline, -600) : null,
      created_at: opened,
      updated_at: opened,
    });
    rows.task_indicators!.push({
      task_id: taskId,
      indicator_id: indicator.id,
      office_id: officeId,
      unit_id: id,
    });
  }
  return { id, officeId, campaignId, departments };
}
