import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { KeysetPager, useCursorStack } from '../layout/KeysetPager';
import { ErrorState } from '../layout/states';
import { formatDate } from '../status/format';
import { ExpandableText } from './ExpandableText';

/** 心得体会: write-ups of one campaign, one unit, or every unit in scope, newest first. */
export function WriteupList({
  campaignId,
  unitId,
  showUnit = false,
  empty,
}: {
  campaignId?: string;
  unitId?: string;
  showUnit?: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pages = useCursorStack(`${campaignId ?? ''}:${unitId ?? ''}`);
  const list = useQuery({
    ...trpc.writeup.list.queryOptions({ campaignId, unitId, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items;
  if (!items) return <Spin style={{ padding: 32 }} />;
  if (items.length === 0) return <>{empty}</>;
  return (
    <Flex vertical gap={12}>
      {items.map((w) => (
        <Card key={w.id} size="small" data-testid="writeup">
          <Flex vertical gap={6}>
            <Flex vertical gap={2}>
              <Typography.Text strong>{w.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {showUnit && <>{w.unitName} · </>}
                {t('participation.byLine', { name: w.authorName, date: formatDate(w.createdAt) })}
              </Typography.Text>
            </Flex>
            <ExpandableText text={w.body} rows={4} />
          </Flex>
        </Card>
      ))}
      <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isPlaceholderData} />
    </Flex>
  );
}
