import type { TTask } from '@wenming/domain';
import { Tag, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';

loadWorkStrings();

export const TASK_STATUS_COLORS: Record<TTask['status'], string | undefined> = {
  todo: undefined,
  in_progress: 'processing',
  done: 'success',
};

/** The same statuses as badge dots, for selects and board columns. */
export const TASK_STATUS_BADGES = { todo: 'default', in_progress: 'processing', done: 'success' } as const;

export function TaskStatusTag({ status }: { status: TTask['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={TASK_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`taskStatus.${status}`)}
    </Tag>
  );
}

/** The deadline, in red with a mark when the task is late. */
export function Deadline({ task }: { task: Pick<TTask, 'deadline' | 'overdue'> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (!task.deadline) return <span style={{ color: token.colorTextTertiary }}>{t('task.noDeadline')}</span>;
  if (!task.overdue) return <span style={{ whiteSpace: 'nowrap' }}>{task.deadline}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color="error" style={{ marginInlineEnd: 4 }}>
        {t('task.overdue')}
      </Tag>
      <span style={{ color: token.colorError }}>{task.deadline}</span>
    </span>
  );
}
