import { subject } from '@casl/ability';

/** A step on a unit's status register, as the server checks it, so buttons hide outside scope. */
export function statusRecordSubject(officeId: string, unitId: string) {
  return subject('StatusRecord', { office_id: officeId, unit_id: unitId });
}
