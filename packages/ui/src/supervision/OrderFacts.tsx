import { Card, Descriptions, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';
import { formatDateTime } from '../status/format';
import type { TOrder } from './model';
import { OrderDeadline } from './OrderTable';
import { OrderStatusTag } from './tags';

const EVENT_COLORS = { issued: 'blue', answered: 'orange', returned: 'red', closed: 'green' } as const;

/** What was ordered, by when, and the unit's current answer; `evidence` renders the filed items. */
export function OrderFacts({ order, evidence }: { order: TOrder; evidence?: ReactNode }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Card size="small">
      <Descriptions
        column={phone ? 1 : 2}
        size="small"
        items={[
          { key: 'unit', label: t('supervision.unit'), children: order.unitName },
          { key: 'status', label: t('supervision.orderStatus'), children: <OrderStatusTag order={order} /> },
          { key: 'deadline', label: t('supervision.deadline'), children: <OrderDeadline order={order} /> },
          { key: 'issued', label: t('supervision.issuedAt'), children: formatDateTime(order.issuedAt) },
          {
            key: 'requirement',
            label: t('supervision.requirement'),
            span: phone ? 1 : 2,
            children: (
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{order.requirement}</Typography.Text>
            ),
          },
          ...(order.plan
            ? [
                {
                  key: 'plan',
                  label: t('supervision.plan'),
                  span: phone ? 1 : 2,
                  children: (
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{order.plan}</Typography.Text>
                  ),
                },
              ]
            : []),
          ...(evidence
            ? [{ key: 'evidence', label: t('supervision.evidence'), span: phone ? 1 : 2, children: evidence }]
            : []),
        ]}
      />
    </Card>
  );
}

/** The whole loop, oldest first: issued, answered, returned with comments, closed. */
export function OrderHistory({ order }: { order: TOrder }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('supervision.history')}>
      <Timeline
        items={order.events.map((e) => ({
          color: EVENT_COLORS[e.action],
          content: (
            <>
              <Typography.Text strong>{t(`supervision.event_${e.action}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {[e.actorName, formatDateTime(e.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
              {e.comment && (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {e.comment}
                </Typography.Paragraph>
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}
