import { ClearOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { STANDINGS, STATUS_LEVELS, type Standing } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  formatDate,
  formatTerm,
  KeysetPager,
  loadWorkStrings,
  PageContainer,
  StandingTag,
  StatusLevelTag,
  statusRecordSubject,
  type TStatusRegisterEntry,
  useAppAbility,
  useCursorStack,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Select,
  Statistic,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';
import { StepMenu } from './StepMenu';
import { useRegisterFilters } from './useRegisterFilters';

loadWorkStrings();

type CountKey = 'held' | 'yellowCard' | 'revoked' | 'endingSoon';
const COUNT_FILTERS: Record<CountKey, { standing?: Standing; termEndingSoon?: boolean }> = {
  held: { standing: 'held' },
  yellowCard: { standing: 'yellow_card' },
  revoked: { standing: 'revoked' },
  endingSoon: { termEndingSoon: true },
};

/** 文明单位名录: every unit's title, term and standing, with the steps of dynamic management. */
export default function StatusRegisterPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const phone = usePhone();
  const { filters, update, clear, filtered } = useRegisterFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const register = useQuery({
    ...trpc.status.register.queryOptions({ ...filters, cursor: pages.cursor, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const canStep = (e: TStatusRegisterEntry) =>
    ability.can('create', statusRecordSubject(e.officeId, e.unitId));
  const columns: TableProps<TStatusRegisterEntry>['columns'] = [
    {
      key: 'unit',
      title: t('assessment.unit'),
      render: (_, e) => (
        <Flex vertical gap={2}>
          <Link to={e.unitId}>{e.unitName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.unitCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'office', title: t('assessment.office'), dataIndex: 'officeName', responsive: ['xxl'] },
    { key: 'level', title: t('unit.level'), render: (_, e) => <StatusLevelTag level={e.level} /> },
    {
      key: 'term',
      title: t('assessment.term'),
      render: (_, e) => (
        <Flex gap={4} wrap align="center">
          <span>{formatTerm(e.termStartYear, e.termEndYear) ?? t('common.none')}</span>
          {e.termEndsSoon && <Tag color="orange">{t('assessment.endingSoonTag')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'standing',
      title: t('assessment.standing'),
      render: (_, e) => (
        <Flex vertical gap={2} align="start">
          <StandingTag standing={e.standing} />
          {e.deadline && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('assessment.deadline', { date: formatDate(e.deadline) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'decisionNo', title: t('assessment.decisionNo'), dataIndex: 'decisionNo', responsive: ['xxl'] },
    {
      key: 'last',
      title: t('assessment.lastStep'),
      responsive: ['lg'],
      render: (_, e) =>
        e.lastAction ? (
          <Flex vertical gap={2}>
            <span>{t(`statusAction.${e.lastAction}`)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(e.lastDecidedOn)}
            </Typography.Text>
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'actions',
      title: t('assessment.actions'),
      render: (_, e) => (
        <Flex gap={8} wrap>
          {canStep(e) && <StepMenu unit={{ id: e.unitId, name: e.unitName }} allowed={e.allowedActions} />}
          <Link to={e.unitId}>{t('assessment.history')}</Link>
        </Flex>
      ),
    },
  ];
  const counts = register.data?.counts;
  return (
    <PageContainer
      title={t('assessment.register')}
      subTitle={phone ? undefined : t('assessment.registerHint')}
    >
      <Flex gap={12} wrap>
        {(Object.keys(COUNT_FILTERS) as CountKey[]).map((key) => {
          const target = COUNT_FILTERS[key];
          const active =
            (target.standing !== undefined && filters.standing === target.standing) ||
            (target.termEndingSoon === true && filters.termEndingSoon === true);
          return (
            <Card
              key={key}
              size="small"
              hoverable
              onClick={() =>
                update(
                  active
                    ? { standing: undefined, termEndingSoon: undefined }
                    : { standing: undefined, termEndingSoon: undefined, ...target },
                )
              }
              style={{ flex: '1 1 150px', borderColor: active ? '#1677ff' : undefined }}
              role="button"
              aria-pressed={active}
            >
              <Statistic title={t(`assessment.count_${key}`)} value={counts?.[key] ?? '—'} />
            </Card>
          );
        })}
      </Flex>
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t('assessment.searchPlaceholder')}
              aria-label={t('assessment.searchPlaceholder')}
              allowClear
              enterButton
              onSearch={(q) => update({ q: q.trim() || undefined })}
              style={{ width: phone ? '100%' : 240 }}
            />
            <OfficeTreeSelect
              value={filters.officeId}
              onChange={(officeId) => update({ officeId })}
              placeholder={t('unit.allOffices')}
              aria-label={t('assessment.office')}
              allowClear
              style={{ width: phone ? '100%' : 200 }}
            />
            <Select
              allowClear
              value={filters.level}
              onChange={(level) => update({ level })}
              placeholder={t('unit.level')}
              aria-label={t('unit.level')}
              options={STATUS_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              style={{ width: phone ? 'calc(50% - 4px)' : 150 }}
            />
            <Select
              allowClear
              value={filters.standing}
              onChange={(standing) => update({ standing })}
              placeholder={t('assessment.allStandings')}
              aria-label={t('assessment.standing')}
              options={STANDINGS.map((s) => ({ value: s, label: t(`assessment.standing_${s}`) }))}
              style={{ width: phone ? 'calc(50% - 4px)' : 140 }}
            />
            <Checkbox
              checked={filters.termEndingSoon === true}
              onChange={(e) => update({ termEndingSoon: e.target.checked || undefined })}
            >
              {t('assessment.endingSoon')}
            </Checkbox>
            {filtered && (
              <Button icon={<ClearOutlined />} onClick={clear}>
                {t('common.reset')}
              </Button>
            )}
          </Flex>
          {register.isError ? (
            <ErrorState error={register.error} onRetry={() => void register.refetch()} />
          ) : (
            <>
              <Table<TStatusRegisterEntry>
                rowKey="unitId"
                size="middle"
                columns={columns}
                dataSource={register.data?.items}
                loading={register.isFetching}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{
                  emptyText: register.isPending ? (
                    ' '
                  ) : (
                    <EmptyState
                      description={t(
                        filtered ? 'assessment.registerEmptyFiltered' : 'assessment.registerEmpty',
                      )}
                      action={filtered && <Button onClick={clear}>{t('common.reset')}</Button>}
                    />
                  ),
                }}
              />
              <KeysetPager
                pages={pages}
                nextCursor={register.data?.nextCursor}
                busy={register.isPlaceholderData}
              />
            </>
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
