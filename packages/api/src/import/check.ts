import { subject } from '@casl/ability';
import {
  isOfficeRole,
  type SheetRow,
  type TCreateUnit,
  type TCreateUser,
  type TImportProblem,
  unitRow,
  userRow,
} from '@wenming/domain';
import type { AuthedContext } from '../context';

export interface Checked<T> {
  row: SheetRow;
  problems: TImportProblem[];
  /** What the registration service takes, once the row has no problem. */
  input?: T;
}

const problem = (column: string | null, code: TImportProblem['code'], message: string): TImportProblem => ({
  column,
  code,
  message,
});

/** Values repeated within the file: the second and later rows are at fault. */
function repeated(rows: SheetRow[], key: string) {
  const seen = new Set<string>();
  const out = new Set<number>();
  for (const r of rows) {
    const v = r.values[key]?.toLowerCase();
    if (!v) continue;
    if (seen.has(v)) out.add(r.row);
    seen.add(v);
  }
  return out;
}

async function officesByCode(ctx: AuthedContext, codes: string[]) {
  if (codes.length === 0) return new Map<string, { id: string }>();
  const rows = await ctx.db.selectFrom('offices').selectAll().where('code', 'in', codes).execute();
  // An office out of the caller's reach is reported the same as one that does not exist.
  return new Map(rows.filter((o) => ctx.ability.can('read', subject('Office', o))).map((o) => [o.code, o]));
}

/** Unit rows against the register: codes free, offices known and in the caller's reach. */
export async function checkUnits(
  ctx: AuthedContext,
  rows: SheetRow[],
  defaultOfficeId: string | undefined,
): Promise<Checked<TCreateUnit>[]> {
  const codes = rows.map((r) => r.values.code).filter((c): c is string => !!c);
  const taken = new Set(
    codes.length
      ? (await ctx.db.selectFrom('units').select('code').where('code', 'in', codes).execute()).map(
          (u) => u.code,
        )
      : [],
  );
  const offices = await officesByCode(
    ctx,
    rows.map((r) => r.values.officeCode).filter((c): c is string => !!c),
  );
  const dup = repeated(rows, 'code');
  return rows.map((row) => {
    const { problems, draft } = unitRow(row.values);
    if (dup.has(row.row))
      problems.push(problem('code', 'duplicate_in_file', 'the code appears twice in the file'));
    if (draft && taken.has(draft.code)) problems.push(problem('code', 'taken', 'the code is already used'));
    const officeId = draft?.officeCode ? offices.get(draft.officeCode)?.id : defaultOfficeId;
    if (!officeId) problems.push(problem('officeCode', 'office_not_found', 'no such office in your reach'));
    else if (!ctx.ability.can('create', subject('Unit', { office_id: officeId }))) {
      problems.push(problem('officeCode', 'not_allowed', 'you may not register units there'));
    }
    if (problems.length || !draft || !officeId) return { row, problems };
    const { officeCode: _, ...input } = draft;
    return { row, problems, input: { ...input, officeId } };
  });
}

/** Account rows: usernames free, each role's office or unit (and department) known and in reach. */
export async function checkUsers(
  ctx: AuthedContext,
  rows: SheetRow[],
  defaultOfficeId: string | undefined,
): Promise<Checked<TCreateUser>[]> {
  const names = rows.map((r) => r.values.username?.toLowerCase()).filter((c): c is string => !!c);
  const taken = new Set(
    names.length
      ? (await ctx.db.selectFrom('users').select('username').where('username', 'in', names).execute()).map(
          (u) => u.username,
        )
      : [],
  );
  const unitCodes = rows.map((r) => r.values.unitCode).filter((c): c is string => !!c);
  const units = unitCodes.length
    ? (await ctx.db.selectFrom('units').selectAll().where('code', 'in', unitCodes).execute()).filter((u) =>
        ctx.ability.can('read', subject('Unit', u)),
      )
    : [];
  const departments = units.length
    ? await ctx.db
        .selectFrom('departments')
        .select(['id', 'unit_id', 'name'])
        .where(
          'unit_id',
          'in',
          units.map((u) => u.id),
        )
        .execute()
    : [];
  const offices = await officesByCode(
    ctx,
    rows.map((r) => r.values.officeCode).filter((c): c is string => !!c),
  );
  const dup = repeated(rows, 'username');
  return rows.map((row) => {
    const { problems, draft } = userRow(row.values);
    if (dup.has(row.row))
      problems.push(problem('username', 'duplicate_in_file', 'the username appears twice'));
    if (!draft) return { row, problems };
    if (taken.has(draft.username))
      problems.push(problem('username', 'taken', 'the username is already used'));
    const role = draft.role.role;
    let scope: TCreateUser['role'] | undefined;
    let tenant: { office_id: string; unit_id: string | null } | undefined;
    if (isOfficeRole(role)) {
      const officeId = draft.officeCode ? offices.get(draft.officeCode)?.id : defaultOfficeId;
      if (draft.unitCode) problems.push(problem('unitCode', 'scope_mismatch', `${role} is an office role`));
      else if (!officeId)
        problems.push(problem('officeCode', 'office_not_found', 'no such office in your reach'));
      else
        [scope, tenant] = [
          { role, officeId },
          { office_id: officeId, unit_id: null },
        ];
    } else {
      const unit = units.find((u) => u.code === draft.unitCode);
      const department = draft.department
        ? departments.find((d) => d.unit_id === unit?.id && d.name === draft.department)
        : undefined;
      if (!draft.unitCode) problems.push(problem('unitCode', 'required', `${role} belongs to a unit`));
      else if (!unit) problems.push(problem('unitCode', 'unit_not_found', 'no such unit in your reach'));
      else if (draft.department && !department) {
        problems.push(problem('department', 'department_not_found', 'no such department in the unit'));
      } else if (role === 'unit_department_head' && !department) {
        problems.push(problem('department', 'required', 'a department head needs a department'));
      } else {
        scope = { role, unitId: unit.id, ...(department ? { departmentId: department.id } : {}) };
        tenant = { office_id: unit.office_id, unit_id: unit.id };
      }
    }
    if (
      tenant &&
      !(
        ctx.ability.can('create', subject('User', tenant)) &&
        ctx.ability.can('assignRole', subject('User', tenant))
      )
    ) {
      problems.push(problem('role', 'not_allowed', 'you may not create this account'));
    }
    if (problems.length || !scope) return { row, problems };
    const { unitCode: _u, officeCode: _o, department: _d, ...input } = draft;
    return { row, problems, input: { ...input, role: scope } };
  });
}
