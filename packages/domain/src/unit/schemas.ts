import { z } from 'zod';
import {
  ZById,
  ZCursor,
  ZId,
  ZIsoDateTime,
  ZLimit,
  ZSortDirection,
  zName,
  zPage,
  zText,
} from '../common/schemas';
import { ZStatusLevel } from '../status/schemas';
import { UNIT_SORTS, UNIT_TYPES } from './kinds';

export const ZUnitType = z.enum(UNIT_TYPES);

/** Unit codes are short identifiers staff type and print: letters, digits, dashes. */
export const ZUnitCode = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { message: 'letters, digits, - and _ only' });
export const ZPhone = z
  .string()
  .trim()
  .max(32)
  .regex(/^[0-9+\-() ]*$/, { message: 'digits, spaces, + - ( ) only' });

export const ZListUnits = z.object({
  officeId: ZId.optional(),
  type: ZUnitType.optional(),
  level: ZStatusLevel.optional(),
  q: zText(100).optional(),
  sort: z.enum(UNIT_SORTS).default('name'),
  direction: ZSortDirection.default('asc'),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export type TListUnits = z.input<typeof ZListUnits>;

export const ZUnitSummary = z.object({
  id: ZId,
  officeId: ZId,
  officeName: z.string(),
  code: z.string(),
  name: z.string(),
  type: ZUnitType,
  level: ZStatusLevel,
  termStartYear: z.number().int().nullable(),
  termEndYear: z.number().int().nullable(),
  updatedAt: ZIsoDateTime,
});
export type TUnitSummary = z.infer<typeof ZUnitSummary>;
export const ZUnitPage = zPage(ZUnitSummary);
export type TUnitPage = z.infer<typeof ZUnitPage>;

export const ZDepartment = z.object({ id: ZId, name: z.string() });

export const ZUnit = ZUnitSummary.extend({
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Personal data: null for roles that may not see it (analysts). */
  contactPhone: z.string().nullable(),
  decisionNo: z.string().nullable(),
  version: z.number().int(),
  createdAt: ZIsoDateTime,
  departments: z.array(ZDepartment),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZGetUnit = ZById;

export const ZCreateUnit = z.object({
  officeId: ZId,
  code: ZUnitCode,
  name: zName(100),
  type: ZUnitType,
  address: zText(200).optional(),
  contactName: zText(50).optional(),
  contactPhone: ZPhone.optional(),
  departments: z.array(zName(50)).max(100).optional(),
});
export type TCreateUnit = z.input<typeof ZCreateUnit>;

export const ZUpdateUnit = z.object({
  id: ZId,
  /** The version the editor started from; a stale one answers CONFLICT. */
  version: z.number().int().min(1),
  name: zName(100).optional(),
  type: ZUnitType.optional(),
  address: zText(200).nullable().optional(),
  contactName: zText(50).nullable().optional(),
  contactPhone: ZPhone.nullable().optional(),
  addDepartments: z.array(zName(50)).max(100).optional(),
});
export type TUpdateUnit = z.input<typeof ZUpdateUnit>;
