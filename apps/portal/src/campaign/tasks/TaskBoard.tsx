import { HolderOutlined } from '@ant-design/icons';
import { TASK_STATUSES, type TTask } from '@wenming/domain';
import { Deadline, loadWorkStrings, TASK_STATUS_BADGES } from '@wenming/ui';
import { Badge, Card, Col, Flex, Row, Tag, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskStatusSelect } from './TaskStatusSelect';
import type { TaskAbility } from './useTaskAbility';
import { useUpdateTask } from './useUpdateTask';

loadWorkStrings();

const DRAG_TYPE = 'application/x-wenming-task';

function BoardCard({ task, ability, actions }: { task: TTask; ability: TaskAbility; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const movable = ability.canReport(task);
  return (
    <Card
      size="small"
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{
        cursor: movable ? 'grab' : undefined,
        borderInlineStart: task.overdue ? `3px solid ${token.colorError}` : undefined,
      }}
      data-task={task.id}
    >
      <Flex vertical gap={6}>
        <Flex gap={6} align="start">
          {movable && <HolderOutlined style={{ color: token.colorTextTertiary, marginTop: 4 }} aria-hidden />}
          <Typography.Text strong style={{ flex: 1 }}>
            {task.title}
          </Typography.Text>
          {task.required && (
            <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
              {t('task.required')}
            </Tag>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[task.departmentName ?? t('task.noDepartment'), task.responsibleLeader]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {task.progressNote && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            ellipsis={{ tooltip: task.progressNote }}
          >
            {task.progressNote}
          </Typography.Text>
        )}
        <Flex justify="space-between" align="center" gap={6} wrap>
          <Deadline task={task} />
          <Flex gap={4} align="center">
            <TaskStatusSelect task={task} allowed={movable} />
            {actions}
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * Three columns, 未开始 / 进行中 / 已完成. Dragging a card to another column changes its
 * status; the select on each card does the same without a mouse (and on phones).
 */
export function TaskBoard({
  tasks,
  ability,
  renderActions,
}: {
  tasks: TTask[];
  ability: TaskAbility;
  renderActions: (task: TTask) => ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const update = useUpdateTask();
  const [over, setOver] = useState<TTask['status'] | null>(null);
  const drop = (status: TTask['status'], id: string) => {
    const task = tasks.find((x) => x.id === id);
    if (task && task.status !== status && ability.canReport(task)) {
      update.mutate({ id: task.id, version: task.version, status });
    }
  };
  return (
    <Row gutter={[12, 12]}>
      {TASK_STATUSES.map((status) => {
        const column = tasks.filter((x) => x.status === status);
        return (
          <Col key={status} xs={24} md={8}>
            <section
              aria-label={t(`taskStatus.${status}`)}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                setOver(status);
              }}
              onDragLeave={(e) => {
                // Moving over the column's own cards is not leaving it.
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
              }}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                drop(status, e.dataTransfer.getData(DRAG_TYPE));
              }}
              style={{
                background: over === status ? token.colorPrimaryBg : token.colorFillQuaternary,
                borderRadius: token.borderRadiusLG,
                padding: 8,
                minHeight: 120,
                height: '100%',
                transition: 'background 0.2s',
              }}
            >
              <Flex align="center" gap={8} style={{ padding: '4px 4px 8px' }}>
                <Badge status={TASK_STATUS_BADGES[status]} />
                <Typography.Text strong>{t(`taskStatus.${status}`)}</Typography.Text>
                <Typography.Text type="secondary">{column.length}</Typography.Text>
              </Flex>
              <Flex vertical gap={8}>
                {column.map((task) => (
                  <BoardCard key={task.id} task={task} ability={ability} actions={renderActions(task)} />
                ))}
                {column.length === 0 && (
                  <Typography.Text type="secondary" style={{ padding: 8, textAlign: 'center' }}>
                    {t('task.columnEmpty')}
                  </Typography.Text>
                )}
              </Flex>
            </section>
          </Col>
        );
      })}
    </Row>
  );
}
