import { z } from 'zod';
import { ZId } from '../common/schemas';
import { ZStatusLevel } from '../status/levels';
import { ZUnitType } from '../unit/schemas';

export const ZAnalyticsFilter = z.object({
  officeId: ZId.optional(),
  unitType: ZUnitType.optional(),
  level: ZStatusLevel.optional(),
});

const count = z.number().int();
export const ZOverview = z.object({
  units: count,
  unitsByLevel: z.array(z.object({ level: ZStatusLevel, count })),
  unitsByType: z.array(z.object({ type: ZUnitType, count })),
  campaignsByPhase: z.array(z.object({ phase: z.string(), count })),
  /** Open campaigns by the share of their framework's indicators with at least one item filed. */
  coverage: z.array(z.object({ bucket: z.enum(['0-25', '25-50', '50-75', '75-100']), count })),
  overdueTasks: count,
  overdueRectifications: count,
  satisfaction: z.object({ answers: count, share: z.number().nullable() }),
  freshness: z.object({ items: count, share: z.number().nullable() }),
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZCompareInput = z.object({ unitIds: z.array(ZId).min(1).max(10) });
export const ZCompare = z.object({
  units: z.array(
    z.object({
      unitId: ZId,
      unitName: z.string(),
      campaignId: ZId.nullable(),
      framework: z.string().nullable(),
      readiness: z.number().nullable(),
      categories: z.array(z.object({ code: z.string(), name: z.string(), readiness: z.number() })),
      satisfaction: z.number().nullable(),
      overdueTasks: count,
    }),
  ),
});
