import type ExcelJS from 'exceljs';

/**
 * The sheet layout shared by the XLSX exporter and importer, and the codecs of single
 * cells. Both directions read from these tables so the two can never drift apart.
 */

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS_PER_SHEET = 5_000;
/** Real exports are a few hundred kB unzipped; these caps only stop decompression bombs. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_CELLS_PER_SHEET = MAX_ROWS_PER_SHEET * 40;
/** Excel refuses longer cell texts; failing the export beats a workbook Excel must "repair". */
export const MAX_CELL_CHARS = 32_767;

/** An empty cell means "key absent"; these markers spell out the values the JSON can also hold. */
export const EMPTY_LIST = '[]';
export const EMPTY_STRING = '""';
export const YES = '是';
export const NO = '否';
export const VETO_RECONSTRUCTED = 'reconstructed';
export const VETO_NOT_RECONSTRUCTED = 'not reconstructed';

export type HeaderKind =
  | 'text'
  | 'optText'
  | 'pairText'
  | 'number'
  | 'optNumber'
  | 'threshold'
  | 'list'
  | 'pairs'
  | 'veto';

export const HEADER_FIELDS = [
  { key: 'code', zh: '体系编码', en: 'Code', kind: 'text' },
  { key: 'name.zh', zh: '名称（中文）', en: 'Name (zh)', kind: 'text' },
  { key: 'name.en', zh: '名称（英文）', en: 'Name (en)', kind: 'text' },
  { key: 'appliesTo', zh: '适用对象', en: 'Applies to', kind: 'list', hint: '逗号分隔 / comma separated' },
  { key: 'level', zh: '级别', en: 'Level', kind: 'text', hint: 'national | provincial | city | county' },
  { key: 'edition', zh: '版本', en: 'Edition', kind: 'optText' },
  { key: 'source', zh: '来源', en: 'Source', kind: 'text' },
  { key: 'totalPoints', zh: '总分', en: 'Total points', kind: 'number' },
  { key: 'basicPoints', zh: '基础分', en: 'Basic points', kind: 'optNumber' },
  { key: 'specialPoints', zh: '特色加分', en: 'Special points', kind: 'optNumber' },
  {
    key: 'passThreshold',
    zh: '合格分数线',
    en: 'Pass threshold',
    kind: 'threshold',
    hint: '空 = 无 / empty = none',
  },
  { key: 'scoringScale.zh', zh: '评分等级（中文）', en: 'Scoring scale (zh)', kind: 'pairText' },
  { key: 'scoringScale.en', zh: '评分等级（英文）', en: 'Scoring scale (en)', kind: 'pairText' },
  {
    key: 'scoringMethods',
    zh: '测评方式',
    en: 'Scoring methods',
    kind: 'pairs',
    hint: '每行一项 / one per line: 中文 | English',
  },
  {
    key: 'exemptions',
    zh: '免测情形',
    en: 'Exemptions',
    kind: 'pairs',
    hint: '每行一项 / one per line: 中文 | English',
  },
  { key: 'termRules.zh', zh: '届期规则（中文）', en: 'Term rules (zh)', kind: 'pairText' },
  { key: 'termRules.en', zh: '届期规则（英文）', en: 'Term rules (en)', kind: 'pairText' },
  { key: 'notes', zh: '备注', en: 'Notes', kind: 'optText' },
  {
    key: 'vetoItems',
    zh: '一票否决项',
    en: 'Veto items',
    kind: 'veto',
    hint: '每行一项 / one per line: 编码 | 中文 | English [| reconstructed]',
  },
] as const satisfies readonly { key: string; zh: string; en: string; kind: HeaderKind; hint?: string }[];
export type HeaderKey = (typeof HEADER_FIELDS)[number]['key'];

/** Category columns carry a `c.` prefix; the rest of a key is the JSON path inside the object. */
export const COLUMNS = [
  { key: 'c.code', zh: '类别编码', en: 'Category code', width: 12, required: true },
  {
    key: 'c.name.zh',
    zh: '类别名称（中文）',
    en: 'Category name (zh)',
    width: 24,
    required: true,
    wrap: true,
  },
  {
    key: 'c.name.en',
    zh: '类别名称（英文）',
    en: 'Category name (en)',
    width: 24,
    required: true,
    wrap: true,
  },
  { key: 'c.points', zh: '类别分值', en: 'Category points', width: 10, required: true, number: true },
  { key: 'c.reconstructed', zh: '类别补拟', en: 'Category reconstructed', width: 14, flag: true },
  {
    key: 'c.reconstructedFields',
    zh: '类别补拟字段',
    en: 'Category reconstructedFields',
    width: 18,
    wrap: true,
  },
  { key: 'code', zh: '指标编码', en: 'Indicator code', width: 12, required: true },
  {
    key: 'name.zh',
    zh: '指标名称（中文）',
    en: 'Indicator name (zh)',
    width: 24,
    required: true,
    wrap: true,
  },
  {
    key: 'name.en',
    zh: '指标名称（英文）',
    en: 'Indicator name (en)',
    width: 24,
    required: true,
    wrap: true,
  },
  { key: 'points', zh: '分值', en: 'Points', width: 8, required: true, number: true },
  { key: 'criteria.zh', zh: '评分标准（中文）', en: 'Criteria (zh)', width: 44, required: true, wrap: true },
  { key: 'criteria.en', zh: '评分标准（英文）', en: 'Criteria (en)', width: 44, required: true, wrap: true },
  { key: 'method.zh', zh: '测评方法（中文）', en: 'Method (zh)', width: 20, required: true, wrap: true },
  { key: 'method.en', zh: '测评方法（英文）', en: 'Method (en)', width: 20, required: true, wrap: true },
  {
    key: 'evidence',
    zh: '台账材料（每行一项）',
    en: 'Evidence (one per line)',
    width: 30,
    required: true,
    wrap: true,
  },
  { key: 'veto', zh: '一票否决', en: 'Veto', width: 10, required: true, flag: true },
  { key: 'evidenceSource', zh: '材料出处', en: 'Evidence source', width: 30, wrap: true },
  { key: 'reconstructed', zh: '补拟', en: 'Reconstructed', width: 14, flag: true },
  { key: 'reconstructedFields', zh: '补拟字段', en: 'Reconstructed fields', width: 18, wrap: true },
] as const satisfies readonly {
  key: string;
  zh: string;
  en: string;
  width: number;
  required?: boolean;
  wrap?: boolean;
  number?: boolean;
  flag?: boolean;
}[];
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type ColumnDef = (typeof COLUMNS)[number];

/** Header labels sit in A:B merged, values in C:VALUE_LAST_COL merged, the hint just after. */
export const LABEL_COL = 1;
export const VALUE_COL = 3;
export const VALUE_LAST_COL = 9;

export const bilingual = (f: { zh: string; en: string }) => `${f.zh} / ${f.en}`;

/** Labels are matched loosely so a retyped header (spaces, full-width brackets, one language) still counts. */
const normaliseLabel = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\u3000/]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

export function labelMatcher<K extends string>(
  defs: readonly { key: K; zh: string; en: string }[],
): (text: string) => K | undefined {
  const byLabel = new Map<string, K>();
  for (const d of defs) {
    for (const label of [d.key, d.zh, d.en, bilingual(d)]) byLabel.set(normaliseLabel(label), d.key);
  }
  return (text) => (text.trim() ? byLabel.get(normaliseLabel(text)) : undefined);
}

/** Excel writes CR as `_x000D_` and Windows line ends as CRLF; the JSON only knows LF. */
const cleanText = (s: string) => s.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n');

/** The text a cell shows, whatever exceljs made of it (rich text, formula result, link, date). */
export function cellText(value: ExcelJS.CellValue | ExcelJS.RichText[]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return cleanText(value.map((r) => r.text).join(''));
  if ('richText' in value) return cellText(value.richText);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** Whitespace-only counts as empty: office staff clear cells with a space. */
export const isBlank = (text: string) => text.trim() === '';

export type Parsed<T> = { value: T | undefined } | { error: string };

export function parseNumber(value: ExcelJS.CellValue): Parsed<number> {
  if (typeof value === 'number') return { value };
  const raw = value && typeof value === 'object' && 'result' in value ? value.result : undefined;
  if (typeof raw === 'number') return { value: raw };
  const text = cellText(value).trim();
  if (!text) return { value: undefined };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { value: Number(text) };
  return { error: `不是数字 / not a number: "${text}"` };
}

const TRUE_WORDS = new Set([YES, 'yes', 'y', 'true', '1', '✓']);
const FALSE_WORDS = new Set([NO, 'no', 'n', 'false', '0']);

export function parseFlag(value: ExcelJS.CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return { value };
  const text = cellText(value).trim().toLowerCase();
  if (!text) return { value: undefined };
  if (TRUE_WORDS.has(text)) return { value: true };
  if (FALSE_WORDS.has(text)) return { value: false };
  return { error: `应为 是/否 / expected yes/no: "${cellText(value).trim()}"` };
}

export const formatFlag = (flag: boolean | undefined) => (flag === undefined ? undefined : flag ? YES : NO);

export const formatOptText = (text: string | undefined) => (text === '' ? EMPTY_STRING : text);
export function parseOptText(text: string): string | undefined {
  if (isBlank(text)) return undefined;
  return text.trim() === EMPTY_STRING ? '' : text;
}

/** Comma lists also accept the Chinese comma and 、 since staff type those. */
export function parseList(text: string): string[] {
  return text
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const formatFields = (fields: string[] | undefined) =>
  fields === undefined ? undefined : fields.length === 0 ? EMPTY_LIST : fields.join(', ');
export function parseFields(text: string): string[] | undefined {
  if (isBlank(text)) return undefined;
  return text.trim() === EMPTY_LIST ? [] : parseList(text);
}

export const splitLines = (text: string) => text.split('\n').filter((line) => !isBlank(line));
export const splitParts = (line: string) => line.split('|').map((s) => s.trim());

/** Sheet names: at most 31 UTF-16 units, none of \ / ? * [ ] :, no leading or trailing apostrophe. */
export function sheetName(code: string): string {
  let name = code.replace(/[\\/?*[\]:]|\p{Cc}/gu, '_').replace(/^'+/, '');
  name = name.slice(0, 31);
  if (/[\ud800-\udbff]$/.test(name)) name = name.slice(0, -1);
  name = name.replace(/'+$/, '');
  return name.trim() === '' || name.toLowerCase() === 'history' ? 'Framework' : name;
}

/** CJK glyphs are about two character widths in Excel's column unit. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1.1;
  return width;
}

/** Excel does not grow rows for wrapped text on open, so the height is estimated here. */
export function linesNeeded(text: string, width: number): number {
  let lines = 0;
  for (const line of text.split('\n'))
    lines += Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1)));
  return lines;
}
export const rowHeight = (lines: number) => Math.min(409, Math.ceil(Math.max(1, lines) * 15.5));
export const HEADER_MAX_LINES = 3;
