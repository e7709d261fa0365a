import { createHash } from 'node:crypto';
import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  describeProblems,
  type FrameworkProblem,
  frameworkStats,
  specialCategoryCodes,
  stableJson,
  type TFrameworkDetail,
  type TFrameworkFile,
  type TFrameworkSummary,
  type TImportResult,
  validateFramework,
  ZFrameworkFile,
  type ZGetFramework,
  type ZImportFramework,
  type ZImportFrameworkXlsx,
  type ZListAssignments,
  type ZListFrameworks,
  type ZPublishFramework,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import * as offices from '../office/repository';
import { decodeCursor, pageOf } from '../pagination';
import * as repo from './repository';
import { xlsxToFramework } from './xlsx';

type SummaryRow = NonNullable<Awaited<ReturnType<typeof repo.findFramework>>>;

/** The stored file, with keys back in the format's order (jsonb sorts them). */
function fileOf(row: { content: unknown }): TFrameworkFile {
  return ZFrameworkFile.parse(row.content);
}

function countReconstructed(fw: TFrameworkFile): number {
  const marked = (part: { reconstructed?: boolean; reconstructedFields?: string[] }) =>
    part.reconstructed === true || (part.reconstructedFields?.length ?? 0) > 0;
  return fw.categories.reduce((n, c) => n + (marked(c) ? 1 : 0) + c.indicators.filter(marked).length, 0);
}

function toSummary(row: SummaryRow): TFrameworkSummary {
  const file = fileOf(row);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: { zh: row.name_zh, en: row.name_en },
    level: row.level,
    appliesTo: row.applies_to,
    totalPoints: Number(row.total_points),
    passThreshold: row.pass_threshold === null ? null : Number(row.pass_threshold),
    stats: frameworkStats(file),
    reconstructedParts: countReconstructed(file),
    campaigns: Number(row.campaigns ?? 0),
    importedAt: row.imported_at.toISOString(),
  };
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListFrameworks>) {
  ForbiddenError.from(ctx.ability).throwUnlessCan('read', 'Framework');
  const after = input.cursor ? (decodeCursor(input.cursor, 2) as [string, number]) : undefined;
  const rows = await repo.listFrameworks(ctx.db, { ...input, after });
  return pageOf(rows, input.limit, toSummary, (r) => [r.code, r.version]);
}

export async function get(
  ctx: AuthedContext,
  where: z.output<typeof ZGetFramework>,
): Promise<TFrameworkDetail> {
  ForbiddenError.from(ctx.ability).throwUnlessCan('read', 'Framework');
  const row = await repo.findFramework(ctx.db, where);
  if (!row)
    throw new AppError('NOT_FOUND', { message: 'framework not found', params: { entity: 'framework' } });
  const structure = await repo.listStructure(ctx.db, row.id);
  return {
    ...toSummary(row),
    file: fileOf(row),
    categoryIds: Object.fromEntries(structure.categories.map((c) => [c.code, c.id])),
    indicatorIds: Object.fromEntries(structure.indicators.map((i) => [i.code, i.id])),
    specialCategories: structure.categories.filter((c) => c.special).map((c) => c.code),
  };
}

export function invalidFramework(fileName: string, problems: FrameworkProblem[]): AppError {
  return new AppError('FRAMEWORK_INVALID', {
    message: `${fileName} is not a valid framework: ${problems.length} problem(s), nothing was imported`,
    fields: Object.fromEntries(problems.map((p) => [p.path, `${p.message} [${p.rule}]`])),
    params: { file: fileName, problems: describeProblems(fileName, problems) },
  });
}

/**
 * Imports a framework file whole or not at all. The same content again is a no-op; a
 * different content under an existing code needs `newVersion`, and becomes the next version
 * (versions are never changed in place, so a version a campaign uses stays as it was).
 */
export async function importFile(
  ctx: AuthedContext,
  input: z.output<typeof ZImportFramework>,
): Promise<TImportResult> {
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', 'Framework');
  const validation = validateFramework(input.file);
  if (!validation.ok) throw invalidFramework(input.fileName, validation.problems);
  const fw = validation.framework;
  const contentHash = createHash('sha256').update(stableJson(fw)).digest('hex');

  const { id, status } = await withTx(ctx.db, async (trx) => {
    const versions = await repo.versionsOf(trx, fw.code);
    const same = versions.find((v) => v.content_hash === contentHash);
    if (same) return { id: same.id, status: 'unchanged' as const };
    const latest = versions.at(-1);
    if (latest && !input.newVersion) {
      throw new AppError('FRAMEWORK_EXISTS', {
        message: `framework ${fw.code} already exists (version ${latest.version}) with different content; import it as a new version`,
        params: { code: fw.code, version: latest.version },
      });
    }
    const version = (latest?.version ?? 0) + 1;
    const frameworkId = await repo.insertFramework(trx, fw, {
      version,
      contentHash,
      importedBy: actorId(ctx),
      special: specialCategoryCodes(fw),
    });
    await recordAudit(trx, ctx, {
      entity: 'framework',
      entityId: frameworkId,
      action: 'import',
      officeId: null,
      after: { code: fw.code, version, file: input.fileName },
    });
    return { id: frameworkId, status: latest ? ('new_version' as const) : ('created' as const) };
  });
  const row = await repo.findFramework(ctx.db, { id });
  return { status, framework: toSummary(row!) };
}

export async function exportFile(ctx: AuthedContext, id: string): Promise<TFrameworkFile> {
  return (await get(ctx, { id })).file;
}

export async function publish(ctx: AuthedContext, input: z.output<typeof ZPublishFramework>) {
  const office = await offices.findOffice(ctx.db, input.officeId);
  if (!office || !ctx.ability.can('read', subject('Office', office))) {
    throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('FrameworkAssignment', { office_id: office.id }),
  );
  const framework = await repo.findFramework(ctx.db, { id: input.frameworkId });
  if (!framework)
    throw new AppError('NOT_FOUND', { message: 'framework not found', params: { entity: 'framework' } });
  await withTx(ctx.db, async (trx) => {
    const slots = input.unitTypes.length > 0 ? input.unitTypes : [null];
    for (const unitType of slots) {
      await repo.upsertAssignment(trx, {
        office_id: office.id,
        framework_id: framework.id,
        target_level: input.targetLevel as never,
        unit_type: unitType,
        published_by: actorId(ctx),
        at: ctx.clock.now(),
      });
    }
    await recordAudit(trx, ctx, {
      entity: 'framework_assignment',
      entityId: framework.id,
      action: 'publish',
      officeId: office.id,
      after: {
        code: framework.code,
        version: framework.version,
        targetLevel: input.targetLevel,
        unitTypes: input.unitTypes,
      },
    });
  });
  return assignments(ctx, { officeId: office.id });
}

/** What applies in an office: its own publications and those it inherits from above. */
export async function assignments(ctx: AuthedContext, input: z.output<typeof ZListAssignments>) {
  const officeId = input.officeId ?? ctx.user.grants.find((g) => g.unitId === null)?.officeIds[0];
  if (!officeId) return { items: [] };
  const office = await offices.findOffice(ctx.db, officeId);
  if (!office || !ctx.ability.can('read', subject('FrameworkAssignment', { office_id: office.id }))) {
    throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
  }
  const ancestry = await repo.officeAncestry(ctx.db, officeId);
  const rows = await repo.listAssignments(ctx.db, ancestry);
  // Nearest office wins for each (level, unit type) slot.
  rows.sort((a, b) => ancestry.indexOf(a.office_id) - ancestry.indexOf(b.office_id));
  const seen = new Set<string>();
  const items = rows.filter((r) => {
    const slot = `${r.target_level}/${r.unit_type ?? ''}`;
    if (seen.has(slot)) return false;
    seen.add(slot);
    return true;
  });
  return {
    items: items.map((r) => ({
      id: r.id,
      officeId: r.office_id,
      officeName: r.office_name,
      targetLevel: r.target_level,
      unitType: r.unit_type,
      framework: {
        id: r.framework_id,
        code: r.code,
        version: r.version,
        name: { zh: r.name_zh, en: r.name_en },
      },
      publishedAt: r.published_at.toISOString(),
    })),
  };
}

/**
 * The framework version that applies to a unit of `unitType` under `officeId` aiming at
 * `targetLevel`: the nearest office's publication for that type, else for all types.
 */
export async function resolveFor(
  ctx: Pick<AuthedContext, 'db'>,
  officeId: string,
  targetLevel: string,
  unitType: string,
) {
  const ancestry = await repo.officeAncestry(ctx.db, officeId);
  const rows = await repo.listAssignments(ctx.db, ancestry);
  for (const office of ancestry) {
    const here = rows.filter((r) => r.office_id === office && r.target_level === targetLevel);
    const match = here.find((r) => r.unit_type === unitType) ?? here.find((r) => r.unit_type === null);
    if (match) return match.framework_id;
  }
  return null;
}

/** XLSX import: the same validation as JSON, with problems named by sheet, row and column. */
export async function importXlsx(
  ctx: AuthedContext,
  input: z.output<typeof ZImportFrameworkXlsx>,
): Promise<TImportResult> {
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', 'Framework');
  const parsed = await xlsxToFramework(Buffer.from(input.dataBase64, 'base64'));
  if (!parsed.ok) {
    const lines = parsed.rowErrors.map((e) =>
      e.row > 0
        ? `${input.fileName}: ${e.sheet} row ${e.row}${e.column ? ` column ${e.column}` : ''}: ${e.message}`
        : `${input.fileName}: ${e.message}`,
    );
    throw new AppError('FRAMEWORK_INVALID', {
      message: `${input.fileName} is not a valid framework workbook: ${lines.length} problem(s), nothing was imported`,
      fields: Object.fromEntries(
        parsed.rowErrors.map((e) => [`row ${e.row}${e.column ? ` ${e.column}` : ''}`, e.message]),
      ),
      params: { file: input.fileName, problems: lines },
    });
  }
  return importFile(ctx, { file: parsed.framework, fileName: input.fileName, newVersion: input.newVersion });
}
