import { Flex, Table, type TableColumnType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePhone } from '../layout/screens';
import type { TInspectionSummary } from './model';
import { InspectionKindTag, InspectionStatusTag } from './tags';

/** Inspections, newest date first; a row opens the inspection (a path relative to the list). */
export function InspectionTable({
  items,
  loading,
  empty,
  counts = true,
}: {
  items?: TInspectionSummary[];
  loading: boolean;
  empty: ReactNode;
  /** Units and findings across the whole inspection: office business, not a unit's. */
  counts?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const countColumns: TableColumnType<TInspectionSummary>[] = [
    {
      key: 'units',
      title: t('supervision.units'),
      width: 100,
      align: 'end',
      responsive: ['md'],
      render: (_, i) => t('supervision.unitCount', { count: i.units }),
    },
    {
      key: 'findings',
      title: t('supervision.findings'),
      width: 90,
      align: 'end',
      responsive: ['lg'],
      render: (_, i) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{i.findings}</span>,
    },
  ];
  const columns: TableColumnType<TInspectionSummary>[] = [
    {
      key: 'title',
      title: t('supervision.inspectionTitle'),
      render: (_, i) => (
        <Flex vertical gap={4} align="start">
          <Link to={i.id} onClick={(e) => e.stopPropagation()}>
            {i.title}
          </Link>
          <Flex gap={6} wrap align="center">
            <InspectionKindTag kind={i.kind} />
            {phone && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {counts ? `${i.plannedOn} · ${t('supervision.unitCount', { count: i.units })}` : i.plannedOn}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'date',
      title: t('supervision.plannedOn'),
      width: 120,
      responsive: ['md'],
      render: (_, i) => i.plannedOn,
    },
    ...(counts ? countColumns : []),
    {
      key: 'status',
      title: t('supervision.inspectionStatus'),
      width: phone ? 84 : 110,
      render: (_, i) => <InspectionStatusTag status={i.status} />,
    },
  ];
  return (
    <Table<TInspectionSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items && items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: loading && !items ? ' ' : empty }}
      onRow={(i) => ({ onClick: () => navigate(i.id), style: { cursor: 'pointer' } })}
    />
  );
}
