import { createHash } from 'node:crypto';
import { subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  MAX_IMPORT_ROWS,
  readTable,
  type TImportCommitted,
  type TImportPreview,
  type ZImportFile,
} from '@wenming/domain';
import type { z } from 'zod';
import { type AuthedContext, actorId } from '../context';
import * as offices from '../office/repository';
import * as units from '../unit/service';
import * as users from '../user/service';
import { type Checked, checkUnits, checkUsers } from './check';
import { readImportFile } from './read';

type Input = z.output<typeof ZImportFile>;

/** Reads and checks the whole file; nothing is written. Shared by preview and commit. */
async function analyse(ctx: AuthedContext, input: Input) {
  if (input.officeId) {
    const office = await offices.findOffice(ctx.db, input.officeId);
    if (!office || !ctx.ability.can('read', subject('Office', office))) {
      throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
    }
  }
  const entity = input.kind === 'units' ? 'Unit' : 'User';
  if (!ctx.ability.can('create', entity)) {
    throw new AppError('FORBIDDEN', { message: `you may not import ${input.kind}` });
  }
  const data = Buffer.from(input.dataBase64, 'base64');
  const sheet = readTable(input.kind, await readImportFile(input.fileName, data));
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('IMPORT_TOO_MANY_ROWS', {
      message: `at most ${MAX_IMPORT_ROWS} rows per import; split the file`,
      params: { max: MAX_IMPORT_ROWS },
    });
  }
  const checked: Checked<unknown>[] = sheet.missingColumns.length
    ? sheet.rows.map((row) => ({ row, problems: [] }))
    : input.kind === 'units'
      ? await checkUnits(ctx, sheet.rows, input.officeId)
      : await checkUsers(ctx, sheet.rows, input.officeId);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const before = await ctx.db
    .selectFrom('imports')
    .select(['committed_at', 'rows'])
    .where('kind', '=', input.kind)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return { sheet, checked, sha256, before };
}

export async function preview(ctx: AuthedContext, input: Input): Promise<TImportPreview> {
  const { sheet, checked, sha256, before } = await analyse(ctx, input);
  const invalid = checked.filter((c) => c.problems.length > 0).length;
  return {
    kind: input.kind,
    fileName: input.fileName,
    sha256,
    columns: sheet.columns,
    missingColumns: sheet.missingColumns,
    rows: checked.map(({ row, problems }) => ({
      row: row.row,
      // An initial password stays with whoever typed it.
      values: row.values.password ? { ...row.values, password: '••••••' } : row.values,
      problems,
    })),
    valid: checked.length - invalid,
    invalid,
    alreadyImported: before ? { at: before.committed_at.toISOString(), rows: before.rows } : null,
  };
}

/**
 * All rows or none: every row goes through the same registration service as the forms, in
 * one transaction. The file's hash is recorded first, so committing the same file again —
 * even concurrently — is refused with IMPORT_ALREADY_COMMITTED.
 */
export async function commit(ctx: AuthedContext, input: Input): Promise<TImportCommitted> {
  const { sheet, checked, sha256, before } = await analyse(ctx, input);
  const alreadyCommitted = (at: Date) =>
    new AppError('IMPORT_ALREADY_COMMITTED', {
      message: 'this file was imported already',
      params: { at: at.toISOString() },
    });
  if (before) throw alreadyCommitted(before.committed_at);
  const invalid = checked.filter((c) => c.problems.length > 0 || !c.input);
  if (sheet.missingColumns.length || invalid.length || checked.length === 0) {
    throw new AppError('IMPORT_INVALID', {
      message: `${invalid.length} of ${checked.length} rows have problems (or required columns are missing); nothing was imported`,
      params: { invalid: invalid.length, rows: checked.length, missing: sheet.missingColumns },
      fields: Object.fromEntries(
        invalid.flatMap((c) =>
          c.problems.map((p) => [`row ${c.row.row} ${p.column ?? ''}`.trim(), p.message]),
        ),
      ),
    });
  }
  return withTx(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    const first = checked[0]!.input as { officeId?: string; role?: { officeId?: string; unitId?: string } };
    const officeId =
      input.officeId ??
      first.officeId ??
      first.role?.officeId ??
      (
        await trx
          .selectFrom('units')
          .select('office_id')
          .where('id', '=', first.role!.unitId!)
          .executeTakeFirstOrThrow()
      ).office_id;
    const record = await trx
      .insertInto('imports')
      .values({
        office_id: officeId,
        kind: input.kind,
        sha256,
        file_name: input.fileName,
        rows: checked.length,
        committed_by: actorId(ctx),
      })
      .onConflict((oc) => oc.columns(['kind', 'sha256']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!record) throw alreadyCommitted(ctx.clock.now());
    for (const c of checked) {
      if (input.kind === 'units') await units.create(inner, c.input as Parameters<typeof units.create>[1]);
      else await users.create(inner, c.input as Parameters<typeof users.create>[1]);
    }
    return { kind: input.kind, importId: record.id, created: checked.length };
  });
}
