import type {
  BulletinKind,
  INSPECTION_KINDS,
  INSPECTION_RESULTS,
  ZBulletinPage,
  ZInspection,
  ZInspectionSummary,
  ZNoticePage,
  ZRectification,
  ZRectificationList,
} from '@wenming/domain';
import type { z } from 'zod';

export type TInspection = z.infer<typeof ZInspection>;
export type TInspectionSummary = z.infer<typeof ZInspectionSummary>;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export type InspectionStatus = TInspection['status'];
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export type Severity = TInspection['findings'][number]['severity'];
export type TOrder = z.infer<typeof ZRectification>;
export type TOrderSummary = z.infer<typeof ZRectificationList>['items'][number];
export type OrderStatus = TOrder['status'];
export type TBulletinSummary = z.infer<typeof ZBulletinPage>['items'][number];
export type { BulletinKind };
export type TNoticeSummary = z.infer<typeof ZNoticePage>['items'][number];

/** How far the on-site checklist of one unit has got: items with a result, of all items. */
export function unitProgress(inspection: TInspection, unitId: string) {
  const done = new Set(inspection.results.filter((r) => r.unitId === unitId).map((r) => r.itemKey));
  return {
    done: inspection.checklist.filter((i) => done.has(i.key)).length,
    total: inspection.checklist.length,
  };
}

/** A date some days from today on China's calendar (where every user works), as date inputs take it. */
export function chinaDate(daysFromToday = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}
