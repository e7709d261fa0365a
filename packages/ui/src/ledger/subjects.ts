import { subject } from '@casl/ability';

/** Evidence as CASL sees it: department heads keep only their department's items. */
export function evidenceSubject(campaign: { officeId: string; unitId: string }, departmentId: string | null) {
  return subject('Evidence', {
    office_id: campaign.officeId,
    unit_id: campaign.unitId,
    department_id: departmentId,
  });
}

/** A duty of the campaign's unit, for "may add a unit duty". */
export function unitDutySubject(campaign: { officeId: string; unitId: string }) {
  return subject('Duty', { office_id: campaign.officeId, unit_id: campaign.unitId });
}
