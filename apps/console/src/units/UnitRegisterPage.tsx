import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, usePrefetchQuery, useQuery } from '@tanstack/react-query';
import type { TUnitSummary } from '@wenming/domain';
import {
  Can,
  EmptyState,
  ErrorState,
  formatDate,
  formatTerm,
  KeysetPager,
  loadWorkStrings,
  PageContainer,
  StatusLevelTag,
  useAppAbility,
  useCursorStack,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Table, type TableProps, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { UnitExportButton } from '../import/ExportButtons';
import { ImportButton } from '../import/ImportButton';
import { UnitFilterBar } from './UnitFilterBar';
import { listInput, type UnitFilters, type UnitSort, useUnitFilters } from './useUnitFilters';

loadWorkStrings();

// Only office admins ever open it: its form code loads on first use.
const CreateUnitModal = lazy(() => import('./CreateUnitModal'));

const SORTABLE: readonly string[] = ['name', 'code', 'level', 'updatedAt'] satisfies UnitSort[];

function sortOrder(filters: UnitFilters, key: UnitSort) {
  if (filters.sort !== key) return null;
  return filters.direction === 'desc' ? ('descend' as const) : ('ascend' as const);
}

export default function UnitRegisterPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const { filters, update, clear, filtered } = useUnitFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const [creating, setCreating] = useState(false);
  const listOptions = trpc.unit.list.queryOptions(listInput(filters, pages.cursor));
  // Asked while the table and filters still render, not after they are on screen.
  usePrefetchQuery(listOptions);
  const units = useQuery({
    ...listOptions,
    // Keep the rows on screen while the next page loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<TUnitSummary>['columns'] = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('unit.code'),
      sorter: true,
      sortOrder: sortOrder(filters, 'code'),
      width: 130,
      responsive: ['sm'],
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('unit.name'),
      sorter: true,
      sortOrder: sortOrder(filters, 'name'),
      render: (name: string, unit) => (
        <Link to={`/units/${unit.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('unit.type'),
      width: 100,
      responsive: ['md'],
      render: (type: TUnitSummary['type']) => t(`unitType.${type}`),
    },
    { key: 'office', dataIndex: 'officeName', title: t('unit.office'), responsive: ['lg'] },
    {
      key: 'level',
      dataIndex: 'level',
      title: t('unit.level'),
      sorter: true,
      sortOrder: sortOrder(filters, 'level'),
      width: 150,
      render: (level: TUnitSummary['level']) => <StatusLevelTag level={level} />,
    },
    {
      key: 'term',
      title: t('unit.term'),
      width: 120,
      responsive: ['sm'],
      render: (_: unknown, unit) =>
        formatTerm(unit.termStartYear, unit.termEndYear) ?? (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('unit.updatedAt'),
      sorter: true,
      sortOrder: sortOrder(filters, 'updatedAt'),
      width: 130,
      responsive: ['xl'],
      render: (iso: string) => formatDate(iso),
    },
  ];

  const onTableChange: TableProps<TUnitSummary>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = String(one?.columnKey ?? '');
    if (one?.order && SORTABLE.includes(key)) {
      update({ sort: key as UnitSort, direction: one.order === 'descend' ? 'desc' : 'asc' });
    } else {
      update({ sort: 'name', direction: 'asc' });
    }
  };

  const canCreate = ability.can('create', 'Unit');
  const empty = filtered ? (
    <EmptyState
      description={t('unit.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyState description={canCreate ? t('unit.emptyNoneCreate') : t('unit.emptyNone')} />
  );

  const nextCursor = units.data?.nextCursor ?? null;
  return (
    <PageContainer
      title={t('unit.register')}
      subTitle={t('unit.registerHint')}
      extra={
        <Flex gap={8} wrap>
          <UnitExportButton filters={filters} />
          <Can I="create" a="Unit">
            <ImportButton kind="units" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('unit.create')}
            </Button>
          </Can>
        </Flex>
      }
    >
      <Card styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <UnitFilterBar filters={filters} filtered={filtered} onChange={update} onClear={clear} />
          {units.isError ? (
            <ErrorState error={units.error} onRetry={() => void units.refetch()} />
          ) : (
            <>
              <Table<TUnitSummary>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={units.data?.items}
                loading={units.isFetching}
                pagination={false}
                onChange={onTableChange}
                showSorterTooltip={false}
                locale={{ emptyText: units.isPending ? ' ' : empty }}
                onRow={(unit) => ({
                  onClick: () => navigate(`/units/${unit.id}`),
                  style: { cursor: 'pointer' },
                })}
              />
              <KeysetPager pages={pages} nextCursor={nextCursor} busy={units.isPlaceholderData} />
            </>
          )}
        </Flex>
      </Card>
      {creating && (
        <Suspense fallback={null}>
          <CreateUnitModal open onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </PageContainer>
  );
}
