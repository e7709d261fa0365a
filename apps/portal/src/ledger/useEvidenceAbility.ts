import type { TCampaign, TEvidence } from '@wenming/domain';
import { evidenceSubject, unitDutySubject, useAppAbility } from '@wenming/ui';

/**
 * What this user may do with the campaign's evidence: the campaign office files and keeps
 * everything, a department head their department's items, staff may file.
 */
export function useEvidenceAbility(campaign: Pick<TCampaign, 'officeId' | 'unitId' | 'phase'>) {
  const ability = useAppAbility();
  const open = campaign.phase !== 'decided' && campaign.phase !== 'withdrawn';
  const mayCreate = (departmentId: string | null) =>
    open && ability.can('create', evidenceSubject(campaign, departmentId));
  return {
    open,
    /** Filing for this department (null: none) would be accepted. */
    canFileFor: mayCreate,
    canFile: (departmentIds: string[]) => mayCreate(null) || departmentIds.some(mayCreate),
    canChange: (item: TEvidence) =>
      open && !item.retracted && ability.can('update', evidenceSubject(campaign, item.departmentId)),
    canAddDuty: open && ability.can('create', unitDutySubject(campaign)),
    /** Carrying forward files items without a department, as the campaign office. */
    canCarryForward: mayCreate(null),
  };
}

export type EvidenceAbility = ReturnType<typeof useEvidenceAbility>;
