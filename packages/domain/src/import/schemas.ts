import { z } from 'zod';
import { ZId, ZIsoDateTime, zText } from '../common/schemas';
import { IMPORT_KINDS } from './columns';

/** The API body limit is 1 MB, so the file itself (base64 grows it by a third) stays under 700 KB. */
export const MAX_IMPORT_BYTES = 700 * 1024;
export const MAX_IMPORT_ROWS = 2_000;

export const ZImportKind = z.enum(IMPORT_KINDS);

export const ZImportFile = z.object({
  kind: ZImportKind,
  fileName: zText(200).pipe(z.string().min(1)),
  /** The XLSX or CSV file, base64-encoded. */
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4),
  /** Units: where rows without an office code go. Users: the office of office roles without one. */
  officeId: ZId.optional(),
});
export type TImportFile = z.input<typeof ZImportFile>;

export const IMPORT_PROBLEMS = [
  'required',
  'invalid',
  'too_long',
  'unknown_type',
  'unknown_role',
  'duplicate_in_file',
  'taken',
  'office_not_found',
  'unit_not_found',
  'department_not_found',
  'scope_mismatch',
  'not_allowed',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export const ZImportProblem = z.object({
  /** The column key (`code`, `role`…), or null for the row as a whole. */
  column: z.string().nullable(),
  code: z.enum(IMPORT_PROBLEMS),
  /** English detail, e.g. the rule a value broke. */
  message: z.string(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportRow = z.object({
  /** The sheet row (1-based, header included) a person has to fix. */
  row: z.number().int(),
  /** Cell texts by column key; passwords are never echoed back. */
  values: z.record(z.string(), z.string()),
  problems: z.array(ZImportProblem),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportPreview = z.object({
  kind: ZImportKind,
  fileName: z.string(),
  sha256: z.string(),
  /** Column keys found in the header, in sheet order. */
  columns: z.array(z.string()),
  missingColumns: z.array(z.string()),
  rows: z.array(ZImportRow),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** The same file was committed before: committing again is refused. */
  alreadyImported: z.object({ at: ZIsoDateTime, rows: z.number().int() }).nullable(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportCommitted = z.object({
  kind: ZImportKind,
  importId: ZId,
  created: z.number().int(),
});
export type TImportCommitted = z.infer<typeof ZImportCommitted>;
