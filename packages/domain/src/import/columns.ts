import { UNIT_TYPES, type UnitType } from '../unit/kinds';
import { ROLES, type Role } from '../user/schemas';

export const IMPORT_KINDS = ['units', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required?: true;
  /** Shown in the template's example row. */
  example: string;
}

/**
 * The columns of each import, in template order. Headers are found by their Chinese or
 * English name or by key, so staff may reorder columns or keep extra ones.
 */
export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  units: [
    { key: 'code', zh: '单位编码', en: 'Unit code', required: true, example: 'QH-XX-001' },
    { key: 'name', zh: '单位名称', en: 'Unit name', required: true, example: '清河区实验小学' },
    { key: 'type', zh: '单位类型', en: 'Unit type', required: true, example: '学校' },
    { key: 'officeCode', zh: '所属文明办编码', en: 'Office code', example: '' },
    { key: 'address', zh: '地址', en: 'Address', example: '清河区文明路1号' },
    { key: 'contactName', zh: '联系人', en: 'Contact', example: '王老师' },
    { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', example: '0571-12345678' },
    { key: 'departments', zh: '科室', en: 'Departments', example: '办公室、教务处' },
  ],
  users: [
    { key: 'username', zh: '用户名', en: 'Username', required: true, example: 'wang.fang' },
    { key: 'displayName', zh: '姓名', en: 'Name', required: true, example: '王芳' },
    { key: 'role', zh: '角色', en: 'Role', required: true, example: '单位职工' },
    { key: 'unitCode', zh: '单位编码', en: 'Unit code', example: 'QH-XX-001' },
    { key: 'officeCode', zh: '文明办编码', en: 'Office code', example: '' },
    { key: 'department', zh: '科室', en: 'Department', example: '' },
    { key: 'phone', zh: '手机号', en: 'Phone', example: '13900000000' },
    { key: 'password', zh: '初始密码', en: 'Initial password', required: true, example: 'change-me-2027' },
  ],
};

/** What staff write in the type and role columns: the Chinese word, the English word or the code. */
const UNIT_TYPE_WORDS: Record<UnitType, string[]> = {
  community: ['社区', 'community'],
  school: ['学校', 'school'],
  agency: ['机关', '机关单位', 'agency', 'bureau'],
  hospital: ['医院', 'hospital'],
  enterprise: ['企业', 'enterprise'],
  village: ['村', '行政村', 'village'],
  other: ['其他', 'other'],
};
const ROLE_WORDS: Record<Role, string[]> = {
  office_admin: ['文明办管理员', 'office admin'],
  office_inspector: ['文明办督查员', '督查员', 'office inspector', 'inspector'],
  analyst: ['分析人员', 'analyst'],
  unit_admin: ['单位创建办管理员', '创建办管理员', 'unit admin'],
  unit_department_head: ['科室负责人', 'department head'],
  unit_member: ['单位职工', '职工', 'unit member', 'member'],
};

const squash = (s: string) => s.replace(/[\s\u3000_]+/g, '').toLowerCase();

function lookup<T extends string>(
  codes: readonly T[],
  words: Record<T, string[]>,
  text: string,
): T | undefined {
  const t = squash(text);
  return codes.find((code) => squash(code) === t || words[code].some((w) => squash(w) === t));
}

export const unitTypeOf = (text: string) => lookup(UNIT_TYPES, UNIT_TYPE_WORDS, text);
export const roleOf = (text: string) => lookup(ROLES, ROLE_WORDS, text);

/** The column key a header cell names, if any. */
export function columnOf(kind: ImportKind, header: string): string | undefined {
  const h = squash(header.replace(/[*＊]/g, ''));
  if (!h) return undefined;
  return IMPORT_COLUMNS[kind].find((c) => [c.key, c.zh, c.en].some((name) => squash(name) === h))?.key;
}
