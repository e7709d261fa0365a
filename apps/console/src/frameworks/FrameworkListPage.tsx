import { ApartmentOutlined, ExperimentOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFrameworkSummary } from '@wenming/domain';
import {
  Can,
  EmptyState,
  ErrorState,
  formatDate,
  KeysetPager,
  loadWorkStrings,
  localized,
  PageContainer,
  useAppAbility,
  useCursorStack,
  useLanguage,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Input, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFrameworkFilters } from './useFrameworkFilters';

loadWorkStrings();

// Only office admins import: the file reading and problem list load on first use.
const ImportFrameworkModal = lazy(() => import('./import/ImportFrameworkModal'));

function ReconstructedCount({ n }: { n: number }) {
  const { t } = useTranslation();
  if (n === 0) return <Typography.Text type="secondary">{t('framework.noReconstructed')}</Typography.Text>;
  return (
    <Tag color="gold" icon={<ExperimentOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('framework.reconstructedParts', { n })}
    </Tag>
  );
}

export default function FrameworkListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const language = useLanguage();
  const ability = useAppAbility();
  const phone = usePhone();
  const { filters, update } = useFrameworkFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const [importing, setImporting] = useState(false);
  const frameworks = useQuery({
    ...trpc.framework.list.queryOptions({ ...filters, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<TFrameworkSummary>['columns'] = [
    {
      key: 'name',
      title: t('framework.name'),
      render: (_, fw) => (
        <Flex vertical gap={2}>
          <Link to={`/frameworks/${fw.id}`} onClick={(e) => e.stopPropagation()}>
            {localized(fw.name, language)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fw.code} · v{fw.version}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'level',
      title: t('framework.level'),
      width: 100,
      responsive: ['sm'],
      render: (_, fw) => t(`level.${fw.level}`),
    },
    {
      key: 'points',
      title: t('framework.totalPoints'),
      width: 90,
      align: 'right',
      responsive: ['md'],
      render: (_, fw) => fw.totalPoints,
    },
    {
      key: 'structure',
      title: t('framework.structure'),
      width: 120,
      align: 'right',
      responsive: ['lg'],
      render: (_, fw) => `${fw.stats.categories} / ${fw.stats.indicators}`,
    },
    {
      key: 'reconstructed',
      title: t('framework.reconstructedColumn'),
      width: 170,
      render: (_, fw) => <ReconstructedCount n={fw.reconstructedParts} />,
    },
    {
      key: 'campaigns',
      title: t('framework.campaigns'),
      width: 100,
      align: 'right',
      responsive: ['md'],
      render: (_, fw) => fw.campaigns,
    },
    {
      key: 'importedAt',
      title: t('framework.importedAt'),
      width: 120,
      responsive: ['xl'],
      render: (_, fw) => formatDate(fw.importedAt),
    },
  ];

  const canImport = ability.can('create', 'Framework');
  const empty = filters.q ? (
    <EmptyState
      description={t('framework.emptyFiltered')}
      action={<Button onClick={() => update({ q: undefined })}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyState description={canImport ? t('framework.emptyImport') : t('framework.empty')} />
  );

  return (
    <PageContainer
      title={t('framework.list')}
      subTitle={phone ? undefined : t('framework.listHint')}
      extra={
        <>
          <Button icon={<ApartmentOutlined />} onClick={() => navigate('/frameworks/publication')}>
            {t('framework.publication')}
          </Button>
          <Can I="create" a="Framework">
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('framework.import')}
            </Button>
          </Can>
        </>
      }
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center">
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t('framework.searchPlaceholder')}
              aria-label={t('framework.searchPlaceholder')}
              allowClear
              enterButton
              onSearch={(q) => update({ q })}
              style={{ width: phone ? '100%' : 320 }}
            />
            <Flex gap={8} align="center">
              <Switch
                id="latest-only"
                checked={filters.latestOnly}
                onChange={(latestOnly) => update({ latestOnly })}
              />
              <label htmlFor="latest-only">{t('framework.latestOnly')}</label>
            </Flex>
          </Flex>
          {frameworks.isError ? (
            <ErrorState error={frameworks.error} onRetry={() => void frameworks.refetch()} />
          ) : (
            <>
              <Table<TFrameworkSummary>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={frameworks.data?.items}
                loading={frameworks.isFetching}
                pagination={false}
                locale={{ emptyText: frameworks.isPending ? ' ' : empty }}
                onRow={(fw) => ({
                  onClick: () => navigate(`/frameworks/${fw.id}`),
                  style: { cursor: 'pointer' },
                })}
              />
              <KeysetPager
                pages={pages}
                nextCursor={frameworks.data?.nextCursor}
                busy={frameworks.isPlaceholderData}
              />
            </>
          )}
        </Flex>
      </Card>
      {importing && (
        <Suspense fallback={null}>
          <ImportFrameworkModal onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </PageContainer>
  );
}
