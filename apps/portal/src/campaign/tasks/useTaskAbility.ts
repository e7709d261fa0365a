import type { TCampaign, TTask } from '@wenming/domain';
import { taskSubject, unitTaskSubject, useAppAbility } from '@wenming/ui';

/**
 * What this user may do with the campaign's tasks. The campaign office edits everything;
 * a department head only reports status and progress on their own department's tasks.
 */
export function useTaskAbility(campaign: TCampaign) {
  const ability = useAppAbility();
  const open = campaign.phase !== 'decided' && campaign.phase !== 'withdrawn';
  const inUnit = unitTaskSubject(campaign);
  return {
    open,
    canCreate: open && ability.can('create', inUnit),
    canAssign: open && ability.can('update', inUnit, 'department_id'),
    canEdit: (task: TTask) => open && ability.can('update', taskSubject(task), 'title'),
    canReport: (task: TTask) => open && ability.can('update', taskSubject(task), 'status'),
  };
}

export type TaskAbility = ReturnType<typeof useTaskAbility>;
