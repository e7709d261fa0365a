import { useQuery } from '@tanstack/react-query';
import type { TLeadingGroupMember } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  formatDate,
  LeadingRoleTag,
  loadWorkStrings,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

/** Everyone who ever served in the group, newest first, with the dates they served. */
export function LeadingGroupHistory({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const history = useQuery(trpc.campaign.leadingGroupHistory.queryOptions({ id: campaignId }));
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = [...(history.data?.items ?? [])].sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom) || (a.validTo ? 1 : 0) - (b.validTo ? 1 : 0),
  );
  const columns: TableProps<TLeadingGroupMember>['columns'] = [
    {
      key: 'role',
      title: t('campaign.memberRole'),
      width: 100,
      render: (_, m) => <LeadingRoleTag role={m.role} />,
    },
    {
      key: 'name',
      title: t('campaign.memberName'),
      render: (_, m) => (
        <>
          {m.name}
          {m.title && <Typography.Text type="secondary"> · {m.title}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'department',
      title: t('campaign.memberDepartment'),
      responsive: ['md'],
      render: (_, m) => m.departmentName ?? '',
    },
    { key: 'from', title: t('campaign.validFrom'), width: 110, render: (_, m) => formatDate(m.validFrom) },
    {
      key: 'to',
      title: t('campaign.validTo'),
      width: 110,
      render: (_, m) =>
        m.validTo ? (
          formatDate(m.validTo)
        ) : (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('campaign.current')}
          </Tag>
        ),
    },
  ];
  return (
    <Table<TLeadingGroupMember>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={history.isPending}
      pagination={items.length > 20 ? { pageSize: 20, size: 'small' } : false}
      scroll={phone ? { x: 480 } : undefined}
      locale={{
        emptyText: history.isPending ? ' ' : <EmptyState description={t('campaign.historyGroupEmpty')} />,
      }}
    />
  );
}
