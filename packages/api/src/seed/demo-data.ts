import type { Role, StatusLevel, UnitType } from '@wenming/db';

/** A demo city: one province office above a city office and two districts, units of every kind. */
export const DEMO_OFFICES = [
  { key: 'province', code: 'DJ', name: '东江省文明办', level: 'province', parent: null },
  { key: 'city', code: 'DJ-JZ', name: '江州市文明办', level: 'city', parent: 'province' },
  { key: 'qinghe', code: 'DJ-JZ-QH', name: '江州市清河区文明办', level: 'district', parent: 'city' },
  { key: 'yunshan', code: 'DJ-JZ-YS', name: '江州市云山区文明办', level: 'district', parent: 'city' },
] as const;

export type DemoOfficeKey = (typeof DEMO_OFFICES)[number]['key'];

export interface DemoUnit {
  key: string;
  office: DemoOfficeKey;
  code: string;
  name: string;
  type: UnitType;
  address: string;
  contact: [string, string];
  level: StatusLevel;
  term?: [number, number];
  decision?: string;
  departments: string[];
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    key: 'tax',
    office: 'qinghe',
    code: 'QH-SWJ',
    name: '清河区税务局',
    type: 'agency',
    address: '江州市清河区解放路 88 号',
    contact: ['陈静', '0571-86012345'],
    level: 'city',
    term: [2024, 2026],
    decision: '江文明〔2024〕7号',
    departments: ['办公室', '征收管理科', '纳税服务科', '人事教育科', '机关党委'],
  },
  {
    key: 'school1',
    office: 'qinghe',
    code: 'QH-SYXX',
    name: '清河区第一实验小学',
    type: 'school',
    address: '江州市清河区学府街 12 号',
    contact: ['周丽华', '0571-86023456'],
    level: 'provincial',
    term: [2023, 2025],
    decision: '东文明〔2023〕21号',
    departments: ['校长办公室', '教务处', '德育处', '后勤保障处'],
  },
  {
    key: 'hospital1',
    office: 'qinghe',
    code: 'QH-RMYY',
    name: '清河区人民医院',
    type: 'hospital',
    address: '江州市清河区健康路 1 号',
    contact: ['孙海涛', '0571-86034567'],
    level: 'city_model',
    term: [2024, 2026],
    decision: '江文明〔2024〕7号',
    departments: ['院办', '医务科', '护理部', '党群工作部'],
  },
  {
    key: 'community1',
    office: 'qinghe',
    code: 'QH-XFL',
    name: '清河街道幸福里社区',
    type: 'community',
    address: '江州市清河区幸福里 3 号',
    contact: ['吴秀英', '0571-86045678'],
    level: 'county',
    term: [2025, 2027],
    decision: '清文明〔2025〕3号',
    departments: ['社区党委', '综合服务站', '网格管理组'],
  },
  {
    key: 'water',
    office: 'qinghe',
    code: 'QH-ZLS',
    name: '江州清河自来水有限公司',
    type: 'enterprise',
    address: '江州市清河区滨江路 256 号',
    contact: ['郑国强', '0571-86056789'],
    level: 'none',
    departments: ['综合办公室', '生产运营部', '客户服务部'],
  },
  {
    key: 'fund',
    office: 'qinghe',
    code: 'QH-GJJ',
    name: '清河区住房公积金管理中心',
    type: 'agency',
    address: '江州市清河区民生路 66 号',
    contact: ['冯雪梅', '0571-86067890'],
    level: 'provincial',
    term: [2022, 2024],
    decision: '东文明〔2022〕15号',
    departments: ['综合科', '归集管理科', '信贷科'],
  },
  {
    key: 'village1',
    office: 'qinghe',
    code: 'QH-LWC',
    name: '清河镇柳湾村',
    type: 'village',
    address: '江州市清河区清河镇柳湾村村委会',
    contact: ['何长林', '0571-86078901'],
    level: 'county',
    term: [2024, 2026],
    decision: '清文明〔2024〕5号',
    departments: ['村两委', '村务监督委员会'],
  },
  {
    key: 'court',
    office: 'yunshan',
    code: 'YS-FY',
    name: '云山区人民法院',
    type: 'agency',
    address: '江州市云山区法院路 9 号',
    contact: ['刘洋', '0571-87012345'],
    level: 'provincial',
    term: [2024, 2026],
    decision: '东文明〔2024〕18号',
    departments: ['办公室', '立案庭', '民事审判庭', '执行局', '政治部'],
  },
  {
    key: 'training',
    office: 'yunshan',
    code: 'YS-ZJPX',
    name: '云山区职业技术培训中心',
    type: 'school',
    address: '江州市云山区职教路 20 号',
    contact: ['马晓东', '0571-87023456'],
    level: 'city',
    term: [2025, 2027],
    decision: '江文明〔2025〕9号',
    departments: ['办公室', '培训部', '招生就业部'],
  },
  {
    key: 'community2',
    office: 'yunshan',
    code: 'YS-CZ',
    name: '云山街道翠竹社区',
    type: 'community',
    address: '江州市云山区翠竹路 45 号',
    contact: ['林美玲', '0571-87034567'],
    level: 'none',
    departments: ['社区党支部', '居委会'],
  },
  {
    key: 'hospital2',
    office: 'yunshan',
    code: 'YS-ZYY',
    name: '云山区中医院',
    type: 'hospital',
    address: '江州市云山区杏林街 8 号',
    contact: ['黄志明', '0571-87045678'],
    level: 'county',
    term: [2023, 2025],
    decision: '云文明〔2023〕4号',
    departments: ['院办', '医务科', '中药房'],
  },
  {
    key: 'power',
    office: 'yunshan',
    code: 'YS-GDGS',
    name: '江州云山供电公司',
    type: 'enterprise',
    address: '江州市云山区电力大道 100 号',
    contact: ['高建华', '0571-87056789'],
    level: 'national',
    term: [2024, 2026],
    decision: '中央文明委〔2024〕1号',
    departments: ['办公室', '营销部', '运维检修部', '党建部'],
  },
  {
    key: 'school2',
    office: 'yunshan',
    code: 'YS-SYZX',
    name: '云山区实验中学',
    type: 'school',
    address: '江州市云山区育才路 30 号',
    contact: ['宋文博', '0571-87067890'],
    level: 'city',
    term: [2024, 2026],
    decision: '江文明〔2024〕7号',
    departments: ['校办', '教务处', '政教处'],
  },
  {
    key: 'market',
    office: 'yunshan',
    code: 'YS-SJJ',
    name: '云山区市场监督管理局',
    type: 'agency',
    address: '江州市云山区市民中心 B 座',
    contact: ['唐丽', '0571-87078901'],
    level: 'none',
    departments: ['办公室', '综合执法大队', '食品安全科'],
  },
];

export const DEMO_PASSWORD = 'wenming-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  phone: string;
  role: Role;
  office?: DemoOfficeKey;
  unit?: string;
  department?: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'office.admin',
    displayName: '王建国',
    phone: '13800000001',
    role: 'office_admin',
    office: 'city',
  },
  {
    username: 'office.inspector',
    displayName: '李明',
    phone: '13800000002',
    role: 'office_inspector',
    office: 'city',
  },
  {
    username: 'office.inspector.2',
    displayName: '孙立群',
    phone: '13800000008',
    role: 'office_inspector',
    office: 'city',
  },
  { username: 'analyst', displayName: '赵晓雯', phone: '13800000003', role: 'analyst', office: 'city' },
  { username: 'unit.admin.1', displayName: '陈静', phone: '13800000004', role: 'unit_admin', unit: 'tax' },
  { username: 'unit.admin.2', displayName: '刘洋', phone: '13800000005', role: 'unit_admin', unit: 'court' },
  {
    username: 'unit.admin.3',
    displayName: '周丽华',
    phone: '13800000007',
    role: 'unit_admin',
    unit: 'school1',
  },
  {
    username: 'dept.head.1',
    displayName: '张伟',
    phone: '13800000006',
    role: 'unit_department_head',
    unit: 'tax',
    department: '纳税服务科',
  },
];
