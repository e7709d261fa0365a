import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { STATUS_LEVELS } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  formatPoints,
  formatTerm,
  KindTag,
  OutcomeTag,
  PageContainer,
  PassTag,
  PhaseTag,
  StatusLevelTag,
  type TAssessmentSummary,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Segmented,
  Select,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

const PHASES = ['submitted', 'under_assessment', 'decided'] as const;
type Phase = (typeof PHASES)[number];
const LEVELS = STATUS_LEVELS.filter((l) => l !== 'none');

/** Campaigns submitted, under assessment and decided: where each stands, its score and rank. */
export default function AssessmentListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const phase = PHASES.find((p) => p === params.get('phase'));
  const targetLevel = LEVELS.find((l) => l === params.get('level'));
  const year = Number(params.get('year')) || undefined;
  const mine = params.get('mine') === '1';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useQuery({
    ...trpc.assessment.list.queryOptions({ phase, targetLevel, termStartYear: year, mine }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(phase || targetLevel || year);
  const columns: TableProps<TAssessmentSummary>['columns'] = [
    {
      key: 'unit',
      title: t('assessment.unit'),
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Link to={a.campaignId}>{a.unit.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.unit.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'target',
      title: t('assessment.targetLevel'),
      render: (_, a) => (
        <Flex gap={4} wrap>
          <StatusLevelTag level={a.targetLevel} />
          <KindTag kind={a.kind} />
        </Flex>
      ),
    },
    {
      key: 'term',
      title: t('assessment.term'),
      responsive: ['lg'],
      render: (_, a) => formatTerm(a.termStartYear, a.termEndYear),
    },
    { key: 'phase', title: t('assessment.phase'), render: (_, a) => <PhaseTag phase={a.phase} /> },
    {
      key: 'assessors',
      title: t('assessment.assessors'),
      responsive: ['md'],
      render: (_, a) =>
        a.assessors.assigned === 0
          ? t('common.none')
          : t('assessment.assessorsProgress', {
              submitted: a.assessors.submitted,
              assigned: a.assessors.assigned,
            }),
    },
    {
      key: 'total',
      title: t('assessment.total'),
      align: 'end',
      render: (_, a) =>
        a.result ? (
          <Flex vertical align="end" gap={2}>
            <Typography.Text strong>{formatPoints(a.result.total)}</Typography.Text>
            <PassTag result={a.result} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('assessment.resultHidden')}</Typography.Text>
        ),
    },
    {
      key: 'rank',
      title: t('assessment.rank'),
      responsive: ['md'],
      render: (_, a) =>
        a.ranking ? (
          <Flex vertical gap={2}>
            <span>{t('assessment.rankOf', { rank: a.ranking.rank, of: a.ranking.of })}</span>
            {a.result?.passed && (
              <Typography.Text type={a.ranking.withinQuota ? 'success' : 'warning'} style={{ fontSize: 12 }}>
                {t(a.ranking.withinQuota ? 'assessment.withinQuota' : 'assessment.outsideQuota')}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'decision',
      title: t('assessment.decision'),
      render: (_, a) =>
        a.decision ? (
          <Flex vertical gap={2}>
            <OutcomeTag outcome={a.decision.outcome} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.decision.decisionNo}
            </Typography.Text>
          </Flex>
        ) : (
          t('common.none')
        ),
    },
  ];
  const empty = filtered ? (
    <EmptyState
      description={t('assessment.listEmptyFiltered')}
      action={
        <Button onClick={() => setParams(mine ? { mine: '1' } : {}, { replace: true })}>
          {t('common.reset')}
        </Button>
      }
    />
  ) : (
    <EmptyState description={t(mine ? 'assessment.listEmptyMine' : 'assessment.listEmpty')} />
  );
  return (
    <PageContainer title={t('assessment.title')} subTitle={phone ? undefined : t('assessment.listHint')}>
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Segmented<Phase | 'all'>
              value={phase ?? 'all'}
              onChange={(v) => set('phase', v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('assessment.allPhases') },
                ...PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) })),
              ]}
            />
            <Select
              allowClear
              value={targetLevel}
              onChange={(v) => set('level', v)}
              placeholder={t('assessment.allLevels')}
              aria-label={t('assessment.targetLevel')}
              options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              style={{ width: phone ? 'calc(50% - 4px)' : 160 }}
            />
            <InputNumber
              value={year ?? null}
              onChange={(v) => set('year', v ? String(v) : undefined)}
              placeholder={t('assessment.termYear')}
              aria-label={t('assessment.termYear')}
              min={2000}
              max={2100}
              style={{ width: phone ? 'calc(50% - 4px)' : 130 }}
            />
            <Checkbox checked={mine} onChange={(e) => set('mine', e.target.checked ? '1' : undefined)}>
              {t('assessment.mineOnly')}
            </Checkbox>
          </Flex>
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <Table<TAssessmentSummary>
              rowKey="campaignId"
              size="middle"
              columns={columns}
              dataSource={list.data?.items}
              loading={list.isFetching}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: list.isPending ? ' ' : empty }}
              scroll={{ x: 'max-content' }}
            />
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
