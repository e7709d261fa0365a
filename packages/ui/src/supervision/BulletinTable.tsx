import { Flex, Table, type TableColumnType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePhone } from '../layout/screens';
import { formatDate } from '../status/format';
import type { TBulletinSummary } from './model';
import { BulletinKindTag } from './tags';

/**
 * Bulletins, newest first; a row opens the bulletin. The office sees how many addressed units
 * acknowledged; a unit sees whether it has.
 */
export function BulletinTable({
  items,
  loading,
  empty,
  side,
}: {
  items: TBulletinSummary[] | undefined;
  loading: boolean;
  empty: ReactNode;
  side: 'office' | 'unit';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const receipt = (b: TBulletinSummary) =>
    side === 'office' ? (
      <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {t('supervision.acknowledgedOf', { n: b.acknowledged, total: b.recipients })}
      </span>
    ) : b.acknowledged >= b.recipients ? (
      <Tag color="success" style={{ marginInlineEnd: 0 }}>
        {t('supervision.acknowledged')}
      </Tag>
    ) : (
      <Tag color="warning" style={{ marginInlineEnd: 0 }}>
        {t('supervision.toAcknowledge')}
      </Tag>
    );
  const columns: TableColumnType<TBulletinSummary>[] = [
    {
      key: 'title',
      title: t('supervision.bulletinTitle'),
      render: (_, b) => (
        <Flex vertical gap={4} align="start">
          <Link to={b.id} onClick={(e) => e.stopPropagation()}>
            {b.title}
          </Link>
          <Flex gap={6} wrap align="center">
            <BulletinKindTag kind={b.kind} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {b.officeName}
              {phone && ` · ${formatDate(b.publishedAt)}`}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'published',
      title: t('supervision.publishedAt'),
      width: 120,
      responsive: ['md'],
      render: (_, b) => formatDate(b.publishedAt),
    },
    {
      key: 'receipt',
      title: side === 'office' ? t('supervision.receipts') : t('supervision.receipt'),
      width: phone ? 96 : 130,
      align: side === 'office' ? 'end' : undefined,
      render: (_, b) => receipt(b),
    },
  ];
  return (
    <Table<TBulletinSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: loading && !items ? ' ' : empty }}
      onRow={(b) => ({ onClick: () => navigate(b.id), style: { cursor: 'pointer' } })}
    />
  );
}
