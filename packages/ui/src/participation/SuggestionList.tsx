import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SUGGESTION_STATUSES } from '@wenming/domain';
import { Button, Card, Flex, Segmented, Spin, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../api/trpc';
import { KeysetPager, useCursorStack } from '../layout/KeysetPager';
import { EmptyState, ErrorState } from '../layout/states';
import { formatDate } from '../status/format';
import { ExpandableText } from './ExpandableText';
import { SUGGESTION_COLORS, type TSuggestion } from './model';

type Status = TSuggestion['status'];

export function SuggestionStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag color={SUGGESTION_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`participation.status_${status}`)}
    </Tag>
  );
}

function SuggestionCard({
  item,
  showUnit,
  action,
  taskLink,
}: {
  item: TSuggestion;
  showUnit: boolean;
  action?: ReactNode;
  /** How the task an adopted suggestion became is shown (a link in the unit's own portal). */
  taskLink?: (title: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const author = item.authorName ?? t('participation.unsigned');
  return (
    <Card size="small" data-testid="suggestion">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="start" gap={8}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text strong>{item.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {showUnit && <>{item.unitName} · </>}
              {t('participation.byLine', { name: author, date: formatDate(item.createdAt) })}
            </Typography.Text>
          </Flex>
          <SuggestionStatusTag status={item.status} />
        </Flex>
        <ExpandableText text={item.body} />
        {item.reply && (
          <div
            style={{
              background: token.colorFillQuaternary,
              borderInlineStart: `3px solid ${token.colorPrimary}`,
              borderRadius: token.borderRadiusSM,
              padding: '6px 10px',
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('participation.campaignOfficeReply', { date: formatDate(item.repliedAt) })}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {item.reply}
            </Typography.Paragraph>
            {item.taskId && (
              <Typography.Text style={{ fontSize: 13 }}>
                {t('participation.linkedTask')}
                {item.taskTitle ? (taskLink?.(item.taskTitle) ?? item.taskTitle) : '—'}
              </Typography.Text>
            )}
          </div>
        )}
        {action && <Flex justify="end">{action}</Flex>}
      </Flex>
    </Card>
  );
}

/**
 * 我为创建献一计: suggestions the caller may read (one unit's, or every unit's in an office's
 * scope), filtered by status in the address, newest first, each with the campaign office's reply.
 */
export function SuggestionList({
  unitId,
  showUnit = false,
  action,
  taskLink,
  empty,
}: {
  unitId?: string;
  showUnit?: boolean;
  /** What the reader may do with a suggestion (the campaign office replies). */
  action?: (item: TSuggestion) => ReactNode;
  taskLink?: (title: string) => ReactNode;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const status = SUGGESTION_STATUSES.find((s) => s === params.get('status'));
  const pages = useCursorStack(status ?? '');
  const list = useQuery({
    ...trpc.suggestion.list.queryOptions({ unitId, status, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items;
  return (
    <Flex vertical gap={12}>
      <div style={{ overflowX: 'auto' }}>
        <Segmented<Status | 'all'>
          value={status ?? 'all'}
          onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
          options={[
            { value: 'all', label: t('participation.allStatuses') },
            ...SUGGESTION_STATUSES.map((s) => ({ value: s, label: t(`participation.status_${s}`) })),
          ]}
        />
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !items ? (
        <Spin style={{ padding: 32 }} />
      ) : items.length === 0 ? (
        status ? (
          <EmptyState
            description={t('participation.suggestionsEmptyFiltered')}
            action={<Button onClick={() => setParams({}, { replace: true })}>{t('common.reset')}</Button>}
          />
        ) : (
          empty
        )
      ) : (
        <>
          {items.map((item) => (
            <SuggestionCard
              key={item.id}
              item={item}
              showUnit={showUnit}
              action={action?.(item)}
              taskLink={taskLink}
            />
          ))}
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isPlaceholderData} />
        </>
      )}
    </Flex>
  );
}
