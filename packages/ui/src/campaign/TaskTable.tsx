import type { TTask } from '@wenming/domain';
import { Card, Checkbox, Flex, Table, type TableProps, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';
import { usePhone } from '../layout/screens';
import { Deadline, TaskStatusTag } from './TaskStatusTag';

loadWorkStrings();

export interface TaskTableProps {
  tasks: TTask[];
  loading?: boolean;
  /** What to show with no tasks: say what to do next. */
  empty: ReactNode;
  selectedIds?: string[];
  onSelect?: (ids: string[]) => void;
  /** The status cell; a control where the user may change it, the tag otherwise. */
  renderStatus?: (task: TTask) => ReactNode;
  renderActions?: (task: TTask) => ReactNode;
}

function TaskTitle({ task }: { task: TTask }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Flex gap={6} align="baseline" wrap>
        <Typography.Text strong>{task.title}</Typography.Text>
        {task.required && (
          <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
            {t('task.required')}
          </Tag>
        )}
      </Flex>
      {task.indicators.length > 0 && (
        <Flex gap={4} wrap>
          {task.indicators.map((i) => (
            <Tag key={i.id} style={{ marginInlineEnd: 0, fontSize: 12 }} title={i.name}>
              {i.code}
            </Tag>
          ))}
        </Flex>
      )}
      {task.progressNote && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.progressNote}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Phones get one card per task: a seven-column table cannot be read at 390 pixels. */
function TaskCards({ tasks, selectedIds, onSelect, renderStatus, renderActions }: TaskTableProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const selected = new Set(selectedIds ?? []);
  return (
    <Flex vertical gap={8}>
      {tasks.map((task) => (
        <Card
          key={task.id}
          data-task={task.id}
          size="small"
          style={task.overdue ? { borderInlineStart: `3px solid ${token.colorError}` } : undefined}
        >
          <Flex vertical gap={8}>
            <Flex gap={8} align="start">
              {onSelect && (
                <Checkbox
                  checked={selected.has(task.id)}
                  aria-label={t('task.select', { title: task.title })}
                  onChange={(e) =>
                    onSelect(
                      e.target.checked
                        ? [...selected, task.id]
                        : [...selected].filter((id) => id !== task.id),
                    )
                  }
                />
              )}
              <TaskTitle task={task} />
            </Flex>
            <Typography.Text type="secondary">
              {[task.departmentName ?? t('task.noDepartment'), task.responsibleLeader]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Deadline task={task} />
              <Flex gap={8} align="center" wrap>
                {renderStatus ? renderStatus(task) : <TaskStatusTag status={task.status} />}
                {renderActions?.(task)}
              </Flex>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** The tasks of a campaign: who, by when, how far. Late tasks are marked in red. */
export function TaskTable(props: TaskTableProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const phone = usePhone();
  const { tasks, loading, empty, selectedIds, onSelect, renderStatus, renderActions } = props;
  if (phone) {
    if (tasks.length === 0) return loading ? null : empty;
    return <TaskCards {...props} />;
  }
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: TableProps<TTask>['columns'] = [
    {
      key: 'title',
      title: t('task.title'),
      render: (_, task) => <TaskTitle task={task} />,
      onCell: (task) => ({
        style: task.overdue ? { boxShadow: `inset 3px 0 0 ${token.colorError}` } : undefined,
      }),
    },
    {
      key: 'department',
      title: t('task.department'),
      width: 140,
      render: (_, task) => task.departmentName ?? dash,
    },
    {
      key: 'leader',
      title: t('task.responsibleLeader'),
      width: 110,
      responsive: ['lg'],
      render: (_, task) => task.responsibleLeader ?? dash,
    },
    { key: 'deadline', title: t('task.deadline'), width: 160, render: (_, task) => <Deadline task={task} /> },
    {
      key: 'status',
      title: t('task.status'),
      width: 130,
      render: (_, task) => (renderStatus ? renderStatus(task) : <TaskStatusTag status={task.status} />),
    },
    ...(renderActions
      ? [
          {
            key: 'actions',
            title: t('task.actions'),
            width: 110,
            render: (_: unknown, task: TTask) => renderActions(task),
          },
        ]
      : []),
  ];
  return (
    <Table<TTask>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={false}
      locale={{ emptyText: loading ? ' ' : empty }}
      rowSelection={
        onSelect
          ? { selectedRowKeys: selectedIds ?? [], onChange: (keys) => onSelect(keys.map(String)) }
          : undefined
      }
    />
  );
}
