/**
 * The unit register's vocabularies as plain values, apart from the schemas that use them: the
 * console's first page filters and sorts by them, and importing them should not evaluate zod.
 */
export const UNIT_TYPES = [
  'community',
  'school',
  'agency',
  'hospital',
  'enterprise',
  'village',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_SORTS = ['name', 'code', 'level', 'updatedAt'] as const;
