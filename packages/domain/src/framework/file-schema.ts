import { z } from 'zod';

/**
 * The assessment framework file format (测评体系), as specified in FORMAT.md. Every object
 * is strict: an unknown key is refused by name, so a typo never silently drops data.
 */
const zBilingual = z.strictObject({ zh: z.string().min(1), en: z.string() });
const zPoints = z.number().finite().min(0);
const zCode = z.string().trim().min(1).max(64);
const zReconstructedFields = z.array(z.string().min(1)).optional();

export const FRAMEWORK_LEVELS = ['national', 'provincial', 'city', 'county'] as const;

export const ZFrameworkIndicator = z.strictObject({
  code: zCode,
  name: zBilingual,
  points: zPoints,
  criteria: zBilingual,
  method: zBilingual,
  evidence: z.array(z.string().min(1)),
  veto: z.boolean(),
  evidenceSource: z.string().optional(),
  reconstructed: z.boolean().optional(),
  reconstructedFields: zReconstructedFields,
});

export const ZFrameworkCategory = z.strictObject({
  code: zCode,
  name: zBilingual,
  points: zPoints,
  indicators: z.array(ZFrameworkIndicator).min(1),
  reconstructed: z.boolean().optional(),
  reconstructedFields: zReconstructedFields,
});

export const ZVetoItem = z.strictObject({
  code: zCode,
  zh: z.string().min(1),
  en: z.string(),
  reconstructed: z.boolean().optional(),
});

export const ZFrameworkFile = z.strictObject({
  code: zCode,
  name: zBilingual,
  appliesTo: z.array(z.string().min(1)).min(1),
  level: z.enum(FRAMEWORK_LEVELS),
  edition: z.string().optional(),
  source: z.string().min(1),
  totalPoints: z.number().finite().positive(),
  basicPoints: zPoints.optional(),
  specialPoints: zPoints.optional(),
  passThreshold: z.number().finite().nullable(),
  scoringScale: zBilingual.optional(),
  scoringMethods: z.array(zBilingual).optional(),
  exemptions: z.array(zBilingual).optional(),
  termRules: zBilingual.optional(),
  notes: z.string().optional(),
  vetoItems: z.array(ZVetoItem),
  categories: z.array(ZFrameworkCategory).min(1),
});

export type TFrameworkFile = z.infer<typeof ZFrameworkFile>;
export type TFrameworkCategory = z.infer<typeof ZFrameworkCategory>;
export type TFrameworkIndicator = z.infer<typeof ZFrameworkIndicator>;
export type TVetoItem = z.infer<typeof ZVetoItem>;
