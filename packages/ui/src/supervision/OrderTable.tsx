import { Flex, Table, type TableColumnType, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePhone } from '../layout/screens';
import type { TOrderSummary } from './model';
import { OrderStatusTag } from './tags';

/** The deadline, in red when the order is late. */
export function OrderDeadline({ order }: { order: Pick<TOrderSummary, 'deadline' | 'overdue'> }) {
  const { token } = theme.useToken();
  return (
    <span style={{ whiteSpace: 'nowrap', color: order.overdue ? token.colorError : undefined }}>
      {order.deadline}
    </span>
  );
}

/** Rectification orders, soonest deadline first; a row opens the order. */
export function OrderTable({
  items,
  loading,
  empty,
  showUnit = false,
}: {
  items: TOrderSummary[] | undefined;
  loading: boolean;
  empty: ReactNode;
  showUnit?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const columns: TableColumnType<TOrderSummary>[] = [
    {
      key: 'title',
      title: t('supervision.orderTitle'),
      render: (_, o) => (
        <Flex vertical gap={2}>
          <Link to={o.id} onClick={(e) => e.stopPropagation()}>
            {o.title}
          </Link>
          {(phone || showUnit) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                showUnit ? o.unitName : null,
                phone ? t('supervision.deadlineOn', { date: o.deadline }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'deadline',
      title: t('supervision.deadline'),
      width: 130,
      responsive: ['md'],
      render: (_, o) => <OrderDeadline order={o} />,
    },
    {
      key: 'status',
      title: t('supervision.orderStatus'),
      width: phone ? 96 : 150,
      render: (_, o) => <OrderStatusTag order={o} />,
    },
  ];
  return (
    <Table<TOrderSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items && items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: loading && !items ? ' ' : empty }}
      onRow={(o) => ({ onClick: () => navigate(o.id), style: { cursor: 'pointer' } })}
    />
  );
}
