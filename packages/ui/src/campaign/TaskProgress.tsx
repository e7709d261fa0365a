import type { TProgress } from '@wenming/domain';
import { Flex, Progress, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';

loadWorkStrings();

export function percentDone(done: number, tasks: number): number {
  return tasks === 0 ? 0 : Math.round((done / tasks) * 100);
}

/** Done out of all tasks as a bar, with overdue tasks called out in red beside it. */
export function TaskProgress({
  progress,
  width,
  reserveOverdue = false,
}: {
  progress: Pick<TProgress, 'tasks' | 'done' | 'overdue'>;
  /** The widest it grows; it shrinks below that on narrow screens. */
  width?: number;
  /** In a column of bars, keeps room for the overdue count so every bar has the same length. */
  reserveOverdue?: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (progress.tasks === 0) {
    return <Typography.Text type="secondary">{t('task.noTasksYet')}</Typography.Text>;
  }
  const percent = percentDone(progress.done, progress.tasks);
  return (
    <Flex align="center" gap={8} style={{ width: width ? '100%' : undefined, maxWidth: width, minWidth: 0 }}>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        status={percent === 100 ? 'success' : 'normal'}
        style={{ flex: 1, margin: 0, minWidth: 48 }}
        aria-label={t('task.doneOf', { done: progress.done, tasks: progress.tasks })}
      />
      <span
        style={{
          whiteSpace: 'nowrap',
          fontVariantNumeric: 'tabular-nums',
          minWidth: reserveOverdue ? 40 : undefined,
          textAlign: 'end',
        }}
      >
        {progress.done}/{progress.tasks}
      </span>
      {(progress.overdue > 0 || reserveOverdue) && (
        <span
          style={{ whiteSpace: 'nowrap', color: token.colorError, minWidth: reserveOverdue ? 64 : undefined }}
        >
          {progress.overdue > 0 && t('task.overdueCount', { n: progress.overdue })}
        </span>
      )}
    </Flex>
  );
}
