import { PaperClipOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import type { TEvidence } from '@wenming/domain';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../api/trpc';

/** The ledger items a unit filed as proof of its rectification, each linking to the item. */
export function OrderEvidence({
  ids,
  linkTo,
}: {
  ids: string[];
  linkTo: (item: TEvidence) => string | null;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const items = useQueries({
    queries: ids.map((id) => ({ ...trpc.evidence.get.queryOptions({ id }), staleTime: 60_000 })),
  });
  if (ids.length === 0)
    return <Typography.Text type="secondary">{t('supervision.noEvidence')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {items.map((q, i) => {
        const item = q.data;
        if (!item)
          return (
            <Typography.Text key={ids[i]} type="secondary">
              <PaperClipOutlined /> {q.isError ? t('supervision.evidenceUnavailable') : t('common.loading')}
            </Typography.Text>
          );
        const to = linkTo(item);
        const label = `${item.title}（${item.eventDate}）`;
        return (
          <span key={item.id}>
            <PaperClipOutlined /> {to ? <Link to={to}>{label}</Link> : label}
          </span>
        );
      })}
    </Flex>
  );
}
