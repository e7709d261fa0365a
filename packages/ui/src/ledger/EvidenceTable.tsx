import { PaperClipOutlined } from '@ant-design/icons';
import type { TEvidence } from '@wenming/domain';
import { Card, Flex, Table, type TableProps, Tag, Tooltip, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePhone } from '../layout/screens';
import { formatDate, formatDateTime } from '../status/format';
import { EvidenceKindTag, LagBadge, RetractedTag } from './tags';

/** Who answers for the item: its department and the keeper of the paper original. */
function ownerLine(item: TEvidence, t: TFunction): string {
  return [item.departmentName, item.keeper && t('ledger.keeper_is', { name: item.keeper })]
    .filter(Boolean)
    .join(' · ');
}

function Title({ item, path, owner }: { item: TEvidence; path: string; owner?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Flex gap={6} align="center" wrap>
        <Link to={path} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 500 }}>
          {item.title}
        </Link>
        {item.retracted && <RetractedTag />}
      </Flex>
      <Flex gap={4} wrap>
        <EvidenceKindTag kind={item.kind} />
        {item.indicators.map((i) => (
          <Tooltip key={i.id} title={i.name}>
            <Tag style={{ marginInlineEnd: 0, fontSize: 12 }}>{i.code}</Tag>
          </Tooltip>
        ))}
      </Flex>
      {owner && (item.departmentName || item.keeper) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ownerLine(item, t)}
        </Typography.Text>
      )}
    </Flex>
  );
}

function Attachments({ item }: { item: TEvidence }) {
  const { t } = useTranslation();
  if (item.attachments.length === 0)
    return <Typography.Text type="secondary">{t('ledger.no_files')}</Typography.Text>;
  return (
    <Tooltip title={item.attachments.map((a) => a.name).join('、')}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>
        <PaperClipOutlined /> {t('ledger.files_n', { n: item.attachments.length })}
      </Typography.Text>
    </Tooltip>
  );
}

function Captured({ item }: { item: TEvidence }) {
  return (
    <Flex vertical gap={4} align="start">
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.capturedAt)}</span>
      <LagBadge lagDays={item.lagDays} carried={item.carriedFrom !== null} />
    </Flex>
  );
}

/** Phones get one card per item. */
function EvidenceCards({ items, itemPath }: { items: TEvidence[]; itemPath: (id: string) => string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={8}>
      {items.map((item) => (
        <Card
          key={item.id}
          size="small"
          data-evidence={item.id}
          onClick={() => navigate(itemPath(item.id))}
          style={{ cursor: 'pointer', opacity: item.retracted ? 0.7 : 1 }}
        >
          <Flex vertical gap={6}>
            <Title item={item} path={itemPath(item.id)} />
            <Flex gap={8} wrap align="center" style={{ color: token.colorTextSecondary, fontSize: 13 }}>
              <span>{t('ledger.event_on', { date: formatDate(item.eventDate) })}</span>
              <LagBadge lagDays={item.lagDays} carried={item.carriedFrom !== null} />
            </Flex>
            <Flex
              justify="space-between"
              gap={8}
              wrap
              style={{ color: token.colorTextSecondary, fontSize: 13 }}
            >
              <span>{ownerLine(item, t)}</span>
              <Attachments item={item} />
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** The evidence filed: what, when it happened, when it was recorded (and how late), who keeps it, files. */
export function EvidenceTable({
  items,
  loading,
  empty,
  itemPath,
}: {
  items: TEvidence[];
  loading?: boolean;
  /** Shown without items: say what to do next. */
  empty: ReactNode;
  itemPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  if (phone) {
    if (items.length === 0) return loading ? null : empty;
    return <EvidenceCards items={items} itemPath={itemPath} />;
  }
  const columns: TableProps<TEvidence>['columns'] = [
    {
      key: 'title',
      title: t('ledger.title_col'),
      render: (_, item) => <Title item={item} path={itemPath(item.id)} owner />,
    },
    {
      key: 'eventDate',
      title: t('ledger.event_date'),
      width: 110,
      render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(item.eventDate)}</span>,
    },
    {
      key: 'captured',
      title: t('ledger.captured_at'),
      width: 150,
      render: (_, item) => <Captured item={item} />,
    },
    { key: 'files', title: t('ledger.files'), width: 90, render: (_, item) => <Attachments item={item} /> },
  ];
  return (
    <Table<TEvidence>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: loading ? ' ' : empty }}
      onRow={(item) => ({
        onClick: () => navigate(itemPath(item.id)),
        style: { cursor: 'pointer', opacity: item.retracted ? 0.65 : 1 },
      })}
    />
  );
}
