import { z } from 'zod';
import { ZCursor, ZId, ZIsoDateTime, ZLimit, zPage, zText } from '../common/schemas';
import { ZStatusLevel } from '../status/schemas';
import { ZUnitType } from '../unit/schemas';
import { FRAMEWORK_LEVELS, ZFrameworkFile } from './file-schema';

export const ZFrameworkLevel = z.enum(FRAMEWORK_LEVELS);
export const ZFrameworkStats = z.object({
  categories: z.number().int(),
  indicators: z.number().int(),
  vetoItems: z.number().int(),
  totalPoints: z.number(),
});

export const ZFrameworkSummary = z.object({
  id: ZId,
  code: z.string(),
  version: z.number().int(),
  name: z.object({ zh: z.string(), en: z.string() }),
  level: ZFrameworkLevel,
  appliesTo: z.array(z.string()),
  totalPoints: z.number(),
  passThreshold: z.number().nullable(),
  stats: ZFrameworkStats,
  /** How many categories and indicators carry a `reconstructed` mark: not official text. */
  reconstructedParts: z.number().int(),
  campaigns: z.number().int(),
  importedAt: ZIsoDateTime,
});
export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;

export const ZListFrameworks = z.object({
  q: zText(100).optional(),
  level: ZFrameworkLevel.optional(),
  /** Only the newest version of each code. */
  latestOnly: z.boolean().default(false),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export const ZFrameworkPage = zPage(ZFrameworkSummary);

export const ZGetFramework = z.union([
  z.object({ id: ZId }),
  z.object({ code: z.string().min(1).max(64), version: z.number().int().min(1).optional() }),
]);

export const ZFrameworkDetail = ZFrameworkSummary.extend({
  file: ZFrameworkFile,
  categoryIds: z.record(z.string(), ZId),
  indicatorIds: z.record(z.string(), ZId),
  specialCategories: z.array(z.string()),
});
export type TFrameworkDetail = z.infer<typeof ZFrameworkDetail>;

export const ZImportFramework = z.object({
  /** The parsed JSON file; validated against the format and its invariants on the server. */
  file: z.unknown(),
  fileName: zText(200).default('framework.json'),
  newVersion: z.boolean().default(false),
});

export const ZImportFrameworkXlsx = z.object({
  /** The workbook, base64-encoded (frameworks are small: a few dozen KB). */
  dataBase64: z.string().min(1).max(1_400_000),
  fileName: zText(200).default('framework.xlsx'),
  newVersion: z.boolean().default(false),
});

export const ZImportResult = z.object({
  status: z.enum(['created', 'new_version', 'unchanged']),
  framework: ZFrameworkSummary,
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZPublishFramework = z.object({
  officeId: ZId,
  frameworkId: ZId,
  targetLevel: ZStatusLevel.exclude(['none']),
  /** Empty: every unit type that has no assignment of its own. */
  unitTypes: z.array(ZUnitType).max(7).default([]),
});

export const ZFrameworkAssignment = z.object({
  id: ZId,
  officeId: ZId,
  officeName: z.string(),
  targetLevel: ZStatusLevel,
  unitType: ZUnitType.nullable(),
  framework: z.object({
    id: ZId,
    code: z.string(),
    version: z.number().int(),
    name: z.object({ zh: z.string(), en: z.string() }),
  }),
  publishedAt: ZIsoDateTime,
});
export const ZListAssignments = z.object({ officeId: ZId.optional() });
export const ZAssignmentList = z.object({ items: z.array(ZFrameworkAssignment) });
