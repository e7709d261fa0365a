import type { TReportDue } from '@wenming/domain';
import { Flex, Table, type TableColumnType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';
import { EmptyState, ErrorState } from '../layout/states';
import { formatDate } from '../status/format';

const STATUS_COLORS = { overdue: 'error', due: 'warning', filed: 'success' } as const;
/** Overdue first, then what is due soonest; filed ones last. */
const ORDER = { overdue: 0, due: 1, filed: 2 } as const;

/** What the table needs of the `report.due` query. */
interface DueQuery {
  data?: { items: TReportDue[] };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * 工作报告 owed, overdue first. The office sees one row per unit and period (`byUnit`); a unit
 * sees its own periods with the date each was filed, and may get an `action` per row.
 */
export function ReportDueTable({
  due,
  byUnit = false,
  emptyText,
  action,
}: {
  due: DueQuery;
  byUnit?: boolean;
  emptyText: string;
  action?: { width: number; render: (r: TReportDue) => ReactNode };
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const items = [...(due.data?.items ?? [])].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      a.dueOn.localeCompare(b.dueOn) ||
      (byUnit ? a.unitName.localeCompare(b.unitName) : 0),
  );
  if (due.isError) return <ErrorState error={due.error} onRetry={() => void due.refetch()} />;
  const period = (r: TReportDue) => (
    <>
      {t('supervision.reportPeriod', { from: r.periodStart, to: r.periodEnd })}
      {phone && ` · ${t('supervision.dueOn', { date: r.dueOn })}`}
    </>
  );
  const columns: TableColumnType<TReportDue>[] = [
    {
      key: byUnit ? 'unit' : 'title',
      title: byUnit ? t('supervision.unit') : t('supervision.reportSchedule'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text>{byUnit ? r.unitName : r.scheduleTitle}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {byUnit && `${r.scheduleTitle} · `}
            {period(r)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('supervision.reportDueOn'),
      width: 120,
      responsive: ['md'],
      render: (_, r) => r.dueOn,
    },
    {
      key: 'status',
      title: t('supervision.reportStatus'),
      width: byUnit ? (phone ? 88 : 120) : phone ? 90 : 150,
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }}>
            {t(`supervision.report_${r.status}`)}
          </Tag>
          {!byUnit && r.filedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(r.filedAt)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(action
      ? [{ key: 'action', width: action.width, render: (_: unknown, r: TReportDue) => action.render(r) }]
      : []),
  ];
  return (
    <Table<TReportDue>
      rowKey={(r) => `${r.scheduleId}:${r.unitId}:${r.periodKey}`}
      size="middle"
      columns={columns}
      dataSource={items}
      loading={due.isFetching}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: due.isPending ? ' ' : <EmptyState description={emptyText} /> }}
    />
  );
}
