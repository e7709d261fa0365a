import { useQuery } from '@tanstack/react-query';
import {
  ErrorState,
  LoadingState,
  OrderEvidence,
  OrderFacts,
  OrderHistory,
  PageContainer,
  useAppAbility,
  useTRPC,
} from '@wenming/ui';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AnswerOrderCard } from './AnswerOrderCard';

/** One order for the unit: what the office asks, the answer form while it is open, and the loop so far. */
export default function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const order = useQuery(trpc.rectification.get.queryOptions({ id }));
  if (order.isPending) return <LoadingState />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const data = order.data;
  const canAnswer = ability.can('advance', 'Rectification');
  const returned = data.status === 'open' ? data.events.findLast((e) => e.action === 'returned') : undefined;
  const crumbs = [{ title: t('supervision.myOrders'), path: '/rectifications' }, { title: data.title }];
  return (
    <PageContainer title={data.title} breadcrumb={crumbs} backTo="/rectifications">
      {returned && (
        <Alert
          type="warning"
          showIcon
          title={t('supervision.returnedNotice', { comment: returned.comment ?? '' })}
        />
      )}
      {data.status === 'answered' && <Alert type="info" showIcon title={t('supervision.awaitingVerify')} />}
      {data.status === 'closed' && <Alert type="success" showIcon title={t('supervision.closedNotice')} />}
      <OrderFacts
        order={data}
        evidence={
          data.status !== 'open' ? (
            <OrderEvidence ids={data.evidenceIds} linkTo={(e) => `/ledger/items/${e.id}`} />
          ) : undefined
        }
      />
      {data.status === 'open' &&
        (canAnswer ? (
          <AnswerOrderCard order={data} />
        ) : (
          <Alert type="info" title={t('supervision.noAnswerRight')} />
        ))}
      <OrderHistory order={data} />
    </PageContainer>
  );
}
