import { TASK_STATUSES, type TTask } from '@wenming/domain';
import { loadWorkStrings, TASK_STATUS_BADGES } from '@wenming/ui';
import { Badge, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateTask } from './useUpdateTask';

loadWorkStrings();

/**
 * The status as a select. Tasks the user may not report on keep a disabled select, with
 * why in a tooltip, so a department head sees the same list as everyone else.
 */
export function TaskStatusSelect({ task, allowed }: { task: TTask; allowed: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateTask();
  const select = (
    <Select<TTask['status']>
      size="small"
      value={task.status}
      disabled={!allowed}
      loading={update.isPending}
      aria-label={t('task.statusOf', { title: task.title })}
      onChange={(status) => update.mutate({ id: task.id, version: task.version, status })}
      onClick={(e) => e.stopPropagation()}
      style={{ width: 128 }}
      options={TASK_STATUSES.map((s) => ({
        value: s,
        label: <Badge status={TASK_STATUS_BADGES[s]} text={t(`taskStatus.${s}`)} />,
      }))}
    />
  );
  return allowed ? select : <Tooltip title={t('task.notYourDepartment')}>{select}</Tooltip>;
}
