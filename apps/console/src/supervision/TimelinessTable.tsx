import { useQuery } from '@tanstack/react-query';
import { compareNames, EmptyState, ErrorState, formatShare, useTRPC } from '@wenming/ui';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Row = {
  unitId: string;
  unitName: string;
  orders: number;
  closed: number;
  onTimeShare: number | null;
  medianDaysToClose: number | null;
  overdue: number;
};

/** Per unit: how many orders, the share closed by the deadline, median days to close, what is overdue now. */
export function TimelinessTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const timeliness = useQuery(trpc.rectification.timeliness.queryOptions({}));
  if (timeliness.isError)
    return <ErrorState error={timeliness.error} onRetry={() => void timeliness.refetch()} />;
  const items = [...(timeliness.data?.items ?? [])].sort(
    (a, b) => b.overdue - a.overdue || compareNames(a.unitName, b.unitName),
  );
  const num = { fontVariantNumeric: 'tabular-nums' as const };
  return (
    <Table<Row>
      rowKey="unitId"
      size="middle"
      loading={timeliness.isFetching}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{
        emptyText: timeliness.isPending ? ' ' : <EmptyState description={t('supervision.timelinessEmpty')} />,
      }}
      scroll={{ x: 560 }}
      columns={[
        { key: 'unit', title: t('supervision.unit'), render: (_, r) => r.unitName },
        {
          key: 'orders',
          title: t('supervision.ordersCount'),
          width: 80,
          align: 'end',
          render: (_, r) => <span style={num}>{r.orders}</span>,
        },
        {
          key: 'closed',
          title: t('supervision.closedCount'),
          width: 80,
          align: 'end',
          render: (_, r) => <span style={num}>{r.closed}</span>,
        },
        {
          key: 'onTime',
          title: t('supervision.onTimeShare'),
          width: 110,
          align: 'end',
          render: (_, r) => <span style={num}>{formatShare(r.onTimeShare)}</span>,
        },
        {
          key: 'median',
          title: t('supervision.medianDays'),
          width: 120,
          align: 'end',
          render: (_, r) => (
            <span style={num}>
              {r.medianDaysToClose === null ? '—' : t('supervision.days', { count: r.medianDaysToClose })}
            </span>
          ),
        },
        {
          key: 'overdue',
          title: t('supervision.overdueNow'),
          width: 90,
          align: 'end',
          render: (_, r) =>
            r.overdue ? (
              <Typography.Text type="danger" strong style={num}>
                {r.overdue}
              </Typography.Text>
            ) : (
              <span style={num}>0</span>
            ),
        },
      ]}
    />
  );
}
