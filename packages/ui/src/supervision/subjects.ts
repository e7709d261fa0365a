import { subject } from '@casl/ability';

/** An inspection as CASL sees it, so buttons hide for those outside its office. */
export function inspectionSubject(officeId: string) {
  return subject('Inspection', { office_id: officeId });
}

/** Issuing an order to a unit, as the server checks it. */
export function rectificationSubject(officeId: string, unitId: string) {
  return subject('Rectification', { office_id: officeId, unit_id: unitId });
}
