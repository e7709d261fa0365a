import { useQuery } from '@tanstack/react-query';
import type { TBulletin } from '@wenming/domain';
import {
  BulletinKindTag,
  BulletinView,
  ErrorState,
  formatDateTime,
  LoadingState,
  PageContainer,
  useTRPC,
} from '@wenming/ui';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

type Recipient = TBulletin['recipients'][number];

/** Read receipts: who read and acknowledged it on each addressed unit's side, and when. */
function Receipts({ bulletin }: { bulletin: TBulletin }) {
  const { t } = useTranslation();
  const done = bulletin.recipients.filter((r) => r.acknowledgedAt).length;
  const stamp = (at: string | null, by: string | null) =>
    at ? (
      <span>
        {formatDateTime(at)}
        {by && <Typography.Text type="secondary"> · {by}</Typography.Text>}
      </span>
    ) : null;
  return (
    <Card
      title={t('supervision.receiptsTitle', { n: done, total: bulletin.recipients.length })}
      styles={{ body: { padding: 0 } }}
    >
      <Table<Recipient>
        rowKey="unitId"
        size="middle"
        pagination={false}
        dataSource={bulletin.recipients}
        scroll={{ x: 560 }}
        columns={[
          { key: 'unit', title: t('supervision.unit'), render: (_, r) => r.unitName },
          {
            key: 'read',
            title: t('supervision.readAt'),
            render: (_, r) =>
              stamp(r.readAt, r.readByName) ?? (
                <Tag style={{ marginInlineEnd: 0 }}>{t('supervision.unread')}</Tag>
              ),
          },
          {
            key: 'ack',
            title: t('supervision.acknowledgedAt'),
            render: (_, r) =>
              stamp(r.acknowledgedAt, r.acknowledgedByName) ?? (
                <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                  {t('supervision.toAcknowledge')}
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

export default function BulletinPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const bulletin = useQuery(trpc.bulletin.get.queryOptions({ id }));
  if (bulletin.isPending) return <LoadingState />;
  if (bulletin.isError) return <ErrorState error={bulletin.error} onRetry={() => void bulletin.refetch()} />;
  const data = bulletin.data;
  return (
    <PageContainer
      title={data.title}
      tags={<BulletinKindTag kind={data.kind} />}
      breadcrumb={[{ title: t('supervision.bulletins'), path: '/bulletins' }, { title: data.title }]}
      backTo="/bulletins"
    >
      <BulletinView bulletin={data} />
      <Receipts bulletin={data} />
    </PageContainer>
  );
}
