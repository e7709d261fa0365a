import { useQuery } from '@tanstack/react-query';
import type { TStatusRecord } from '@wenming/domain';
import { Flex, Skeleton, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { loadWorkStrings } from '../i18n/work';
import { EmptyState, ErrorState } from '../layout/states';
import { formatDate, formatDateTime, formatTerm } from '../status/format';
import { STATUS_ACTION_COLORS, StatusLevelTag } from '../status/StatusLevelTag';

loadWorkStrings();

/**
 * Newest first. Records entered together (an import, a migration) fall back to the decision
 * date, and the initial registration, which has none, goes last.
 */
function newestFirst(items: TStatusRecord[]): TStatusRecord[] {
  return [...items].sort(
    (a, b) =>
      b.recordedAt.localeCompare(a.recordedAt) || (b.decidedOn ?? '').localeCompare(a.decidedOn ?? ''),
  );
}

/**
 * Every conferral, renewal, warning and revocation, newest first, with its decision number.
 * `extra` adds what only one app can show about an entry (the console links its inspection).
 */
export function StatusHistory({
  unitId,
  extra,
}: {
  unitId: string;
  extra?: (record: TStatusRecord) => ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.unit.statusHistory.queryOptions({ id: unitId }));

  if (history.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <EmptyState description={t('unit.historyEmpty')} />;

  return (
    <Timeline
      items={newestFirst(history.data.items).map((record) => {
        const term = formatTerm(record.termStartYear, record.termEndYear);
        const decided = formatDate(record.decidedOn);
        return {
          key: `${record.recordedAt}-${record.action}`,
          color: STATUS_ACTION_COLORS[record.action],
          content: (
            <Flex vertical gap={4}>
              <Flex align="center" gap={8} wrap>
                <Typography.Text strong>{t(`statusAction.${record.action}`)}</Typography.Text>
                {record.level !== 'none' && <StatusLevelTag level={record.level} />}
                {term && (
                  <Typography.Text type="secondary">
                    {t('unit.termValue', { start: record.termStartYear, end: record.termEndYear })}
                  </Typography.Text>
                )}
              </Flex>
              {(record.decisionNo || decided) && (
                <Typography.Text type="secondary">
                  {[record.decisionNo, decided && `${t('unit.decidedOn')} ${decided}`]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              )}
              {record.reason && <Typography.Text>{record.reason}</Typography.Text>}
              {extra?.(record)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('unit.recordedAt')} {formatDateTime(record.recordedAt)}
              </Typography.Text>
            </Flex>
          ),
        };
      })}
    />
  );
}
