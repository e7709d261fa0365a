import type { z } from 'zod';
import { ZCreateUnit } from '../unit/schemas';
import { ZCreateUser } from '../user/schemas';
import { columnOf, IMPORT_COLUMNS, type ImportKind, roleOf, unitTypeOf } from './columns';
import type { TImportProblem } from './schemas';

export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

export interface Sheet {
  columns: string[];
  missingColumns: string[];
  rows: SheetRow[];
}

/**
 * Finds the header (the first of the top ten rows naming a known column) and reads every
 * row below it by column key. Unknown columns are ignored; trailing spaces trimmed.
 */
export function readTable(kind: ImportKind, table: string[][]): Sheet {
  let headerAt = -1;
  let keys: (string | undefined)[] = [];
  for (let i = 0; i < Math.min(10, table.length) && headerAt < 0; i++) {
    const found = table[i]!.map((cell) => columnOf(kind, cell));
    if (found.some(Boolean)) [headerAt, keys] = [i, found];
  }
  const columns = [...new Set(keys.filter((k): k is string => !!k))];
  const missingColumns = IMPORT_COLUMNS[kind]
    .filter((c) => c.required && !columns.includes(c.key))
    .map((c) => c.key);
  if (headerAt < 0) return { columns, missingColumns, rows: [] };
  const rows = table.slice(headerAt + 1).flatMap((cells, i) => {
    const values: Record<string, string> = {};
    keys.forEach((key, col) => {
      const text = (cells[col] ?? '').trim();
      if (key && text && values[key] === undefined) values[key] = text;
    });
    return Object.keys(values).length ? [{ row: headerAt + i + 2, values }] : [];
  });
  return { columns, missingColumns, rows };
}

/** Any valid id: the office, unit and department are resolved against the database later. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const optional = (s: string | undefined) => (s ? s : undefined);
const list = (s: string | undefined) =>
  s
    ? s
        .split(/[、,，;；\n]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

function problemsOf(error: z.ZodError, values: Record<string, string>): TImportProblem[] {
  return error.issues.map((issue) => {
    const column = String(issue.path[0]);
    const code = !values[column]
      ? 'required'
      : issue.code === 'too_big'
        ? 'too_long'
        : issue.code === 'invalid_value' && column === 'type'
          ? 'unknown_type'
          : issue.code === 'invalid_value' && column === 'role'
            ? 'unknown_role'
            : 'invalid';
    return { column, code, message: issue.message };
  });
}

export type UnitDraft = z.output<typeof ZCreateUnit> & { officeCode: string | undefined };
export type UserDraft = z.output<typeof ZCreateUser> & {
  unitCode: string | undefined;
  officeCode: string | undefined;
  department: string | undefined;
};

export interface RowCheck<T> {
  problems: TImportProblem[];
  draft?: T;
}

/** One unit row checked with the same schema as the registration form. */
export function unitRow(values: Record<string, string>): RowCheck<UnitDraft> {
  const parsed = ZCreateUnit.safeParse({
    officeId: PLACEHOLDER_ID,
    code: values.code ?? '',
    name: values.name ?? '',
    type: values.type ? (unitTypeOf(values.type) ?? values.type) : '',
    address: optional(values.address),
    contactName: optional(values.contactName),
    contactPhone: optional(values.contactPhone),
    departments: list(values.departments),
  });
  if (!parsed.success) return { problems: problemsOf(parsed.error, values) };
  return { problems: [], draft: { ...parsed.data, officeCode: optional(values.officeCode) } as UnitDraft };
}

/** One account row checked with the same schema as the account form. */
export function userRow(values: Record<string, string>): RowCheck<UserDraft> {
  const parsed = ZCreateUser.safeParse({
    username: values.username ?? '',
    displayName: values.displayName ?? '',
    password: values.password ?? '',
    phone: optional(values.phone),
    role: { role: values.role ? (roleOf(values.role) ?? values.role) : '' },
  });
  if (!parsed.success) return { problems: problemsOf(parsed.error, values) };
  return {
    problems: [],
    draft: {
      ...parsed.data,
      unitCode: optional(values.unitCode),
      officeCode: optional(values.officeCode),
      department: optional(values.department),
    } as UserDraft,
  };
}
