import { z } from 'zod';
import { ZId, ZIsoDate, ZIsoDateTime, zName, zText } from '../common/schemas';

export const INSPECTION_KINDS = ['routine', 'special', 'unannounced', 're_examination'] as const;
export const ZInspectionKind = z.enum(INSPECTION_KINDS);
export const ZChecklistItem = z.object({
  key: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  label: zName(300),
  indicatorCode: z.string().max(64).optional(),
});

export const ZCreateInspection = z.object({
  officeId: ZId,
  kind: ZInspectionKind,
  title: zName(200),
  plannedOn: ZIsoDate,
  unitIds: z.array(ZId).min(1).max(500),
  inspectorIds: z.array(ZId).max(50).default([]),
  /** A checklist drawn from a framework's indicators, or a custom one. */
  frameworkId: ZId.optional(),
  checklist: z.array(ZChecklistItem).max(200).default([]),
});

export const INSPECTION_RESULTS = ['meets', 'partly', 'fails', 'not_applicable'] as const;
export const ZRecordResult = z.object({
  inspectionId: ZId,
  unitId: ZId,
  itemKey: z.string().max(64),
  result: z.enum(INSPECTION_RESULTS),
  notes: zText(2000).default(''),
  points: z.number().min(0).max(1000).nullable().default(null),
  photos: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20)
    .default([]),
});

export const ZAddFinding = z.object({
  inspectionId: ZId,
  unitId: ZId,
  itemKey: z.string().max(64).optional(),
  severity: z.enum(['minor', 'major', 'critical']),
  description: zName(2000),
});

export const ZInspection = z.object({
  id: ZId,
  officeId: ZId,
  kind: ZInspectionKind,
  title: z.string(),
  plannedOn: ZIsoDate,
  status: z.enum(['planned', 'in_progress', 'completed']),
  checklist: z.array(ZChecklistItem),
  units: z.array(z.object({ id: ZId, name: z.string() })),
  inspectors: z.array(z.object({ id: ZId, name: z.string() })),
  results: z.array(
    z.object({
      unitId: ZId,
      itemKey: z.string(),
      result: z.enum(INSPECTION_RESULTS),
      notes: z.string(),
      points: z.number().nullable(),
      photos: z.array(z.string()),
      updatedAt: ZIsoDateTime,
    }),
  ),
  findings: z.array(
    z.object({
      id: ZId,
      unitId: ZId,
      itemKey: z.string().nullable(),
      severity: z.enum(['minor', 'major', 'critical']),
      description: z.string(),
      createdAt: ZIsoDateTime,
    }),
  ),
  completedAt: ZIsoDateTime.nullable(),
});
export const ZListInspections = z.object({
  unitId: ZId.optional(),
  status: z.enum(['planned', 'in_progress', 'completed']).optional(),
});
export const ZInspectionSummary = ZInspection.pick({
  id: true,
  officeId: true,
  kind: true,
  title: true,
  plannedOn: true,
  status: true,
  completedAt: true,
}).extend({
  units: z.number().int(),
  findings: z.number().int(),
});
export const ZInspectionList = z.object({ items: z.array(ZInspectionSummary) });

export const ZIssueRectification = z.object({
  findingId: ZId.optional(),
  unitId: ZId,
  departmentId: ZId.optional(),
  title: zName(200),
  requirement: zName(5000),
  deadline: ZIsoDate,
});
export const ZAnswerRectification = z.object({
  id: ZId,
  version: z.number().int().min(1),
  plan: zName(5000),
  evidenceIds: z.array(ZId).max(50).default([]),
});
export const ZVerifyRectification = z.object({
  id: ZId,
  version: z.number().int().min(1),
  decision: z.enum(['close', 'return']),
  comment: zText(2000).default(''),
});
export const ZRectification = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  departmentId: ZId.nullable(),
  findingId: ZId.nullable(),
  title: z.string(),
  requirement: z.string(),
  deadline: ZIsoDate,
  status: z.enum(['open', 'answered', 'closed']),
  overdue: z.boolean(),
  plan: z.string(),
  evidenceIds: z.array(ZId),
  issuedAt: ZIsoDateTime,
  closedAt: ZIsoDateTime.nullable(),
  version: z.number().int(),
  events: z.array(
    z.object({
      action: z.enum(['issued', 'answered', 'returned', 'closed']),
      actorName: z.string().nullable(),
      comment: z.string().nullable(),
      at: ZIsoDateTime,
    }),
  ),
});
export const ZListRectifications = z.object({
  unitId: ZId.optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
  overdue: z.boolean().optional(),
});
export const ZRectificationList = z.object({ items: z.array(ZRectification.omit({ events: true })) });
export const ZTimeliness = z.object({
  items: z.array(
    z.object({
      unitId: ZId,
      unitName: z.string(),
      orders: z.number().int(),
      closed: z.number().int(),
      onTimeShare: z.number().nullable(),
      medianDaysToClose: z.number().nullable(),
      overdue: z.number().int(),
    }),
  ),
});
