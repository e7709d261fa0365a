import { subject } from '@casl/ability';
import type { TTask } from '@wenming/domain';

/** A campaign as CASL sees it, so `can('advance', campaignSubject(c))` checks its unit and office. */
export function campaignSubject(campaign: { officeId: string; unitId: string }) {
  return subject('Campaign', { office_id: campaign.officeId, unit_id: campaign.unitId });
}

/** A task as CASL sees it: department heads may update only their department's tasks. */
export function taskSubject(task: Pick<TTask, 'unitId' | 'departmentId'>) {
  return subject('Task', { unit_id: task.unitId, department_id: task.departmentId });
}

/** Any task of the unit, for "may create / assign tasks here" (no department: not a head's own). */
export function unitTaskSubject(campaign: { officeId: string; unitId: string }) {
  return subject('Task', { office_id: campaign.officeId, unit_id: campaign.unitId });
}
