import { useQuery } from '@tanstack/react-query';
import type { TCampaignRollup } from '@wenming/domain';
import { Card, Col, Flex, Progress, Row, Skeleton, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { loadWorkStrings } from '../i18n/work';
import { usePhone, useScreen } from '../layout/screens';
import { EmptyState, ErrorState } from '../layout/states';
import { percentDone, TaskProgress } from './TaskProgress';

loadWorkStrings();

type RollupRow = TCampaignRollup['byCategory'][number];

/** Label on the left, its bar on the right; on phones the bar goes under the label. */
function RollupList({ rows, emptyLabel }: { rows: RollupRow[]; emptyLabel: string }) {
  const phone = !useScreen('sm');
  return (
    <Flex vertical gap={10}>
      {rows.map((row) => (
        <Flex key={row.key || '-'} vertical={phone} gap={phone ? 2 : 12} align={phone ? 'stretch' : 'center'}>
          <Typography.Text ellipsis={{ tooltip: row.label }} style={{ flex: phone ? undefined : '0 0 42%' }}>
            {row.label || emptyLabel}
          </Typography.Text>
          <div style={{ flex: 1, minWidth: 0 }}>
            <TaskProgress progress={row} reserveOverdue />
          </div>
        </Flex>
      ))}
    </Flex>
  );
}

function Overall({ progress }: { progress: TCampaignRollup['campaign'] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const percent = percentDone(progress.done, progress.tasks);
  const figures = [
    { key: 'tasks', label: t('task.total'), value: progress.tasks },
    { key: 'done', label: t('taskStatus.done'), value: progress.done },
    { key: 'inProgress', label: t('taskStatus.in_progress'), value: progress.inProgress },
    { key: 'overdue', label: t('task.overdue'), value: progress.overdue, danger: progress.overdue > 0 },
  ];
  return (
    <Flex align="center" gap={24} wrap>
      <Progress type="circle" percent={percent} size={96} status={percent === 100 ? 'success' : 'normal'} />
      <Flex gap={24} wrap>
        {figures.map((f) => (
          <Flex key={f.key} vertical>
            <Typography.Text type="secondary">{f.label}</Typography.Text>
            <span
              style={{
                fontSize: 24,
                fontWeight: 600,
                color: f.danger ? token.colorError : token.colorText,
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {f.value}
            </span>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}

/**
 * How far the campaign's tasks are: overall, per category of the framework, per department,
 * and the indicators nobody has a task for yet (the gaps an inspection would find).
 */
export function CampaignRollups({ campaignId, gapsAction }: { campaignId: string; gapsAction?: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const rollup = useQuery(trpc.campaign.rollup.queryOptions({ id: campaignId }));
  const size = phone ? ('small' as const) : undefined;

  if (rollup.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (rollup.isError) return <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />;
  const { campaign, byCategory, byDepartment, byIndicator } = rollup.data;
  const gaps = byIndicator.filter((row) => row.tasks === 0);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('campaign.rollupOverall')} size={size} style={{ height: '100%' }}>
          <Overall progress={campaign} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={t('campaign.rollupGaps', { n: gaps.length })}
          size={size}
          style={{ height: '100%' }}
          extra={gaps.length > 0 ? gapsAction : undefined}
        >
          {gaps.length === 0 ? (
            <Typography.Text type="secondary">{t('campaign.noGaps')}</Typography.Text>
          ) : (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">{t('campaign.gapsHint')}</Typography.Text>
              <Flex gap={6} wrap>
                {gaps.map((gap) => (
                  <Tag key={gap.key} color="warning" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                    {gap.key} {gap.label}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('campaign.rollupByCategory')} size={size} style={{ height: '100%' }}>
          <RollupList rows={byCategory} emptyLabel={t('common.none')} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('campaign.rollupByDepartment')} size={size} style={{ height: '100%' }}>
          {byDepartment.length === 0 ? (
            <EmptyState description={t('campaign.rollupNoTasks')} />
          ) : (
            <RollupList rows={byDepartment} emptyLabel={t('task.noDepartment')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
