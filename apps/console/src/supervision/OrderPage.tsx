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
import { VerifyOrderCard } from './VerifyOrderCard';

/** One rectification order for the office: what was asked, the unit's answer, verifying it. */
export default function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const order = useQuery(trpc.rectification.get.queryOptions({ id }));
  if (order.isPending) return <LoadingState />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const data = order.data;
  const canReview = ability.can('review', 'Rectification');
  const crumbs = [{ title: t('supervision.rectifications'), path: '/rectifications' }, { title: data.title }];
  return (
    <PageContainer title={data.title} breadcrumb={crumbs} backTo="/rectifications">
      {data.status === 'open' && <Alert type="info" showIcon title={t('supervision.waitingForUnit')} />}
      <OrderFacts
        order={data}
        evidence={
          data.status !== 'open' || data.evidenceIds.length ? (
            <OrderEvidence
              ids={data.evidenceIds}
              linkTo={(e) => (e.campaignId ? `/ledger/campaigns/${e.campaignId}/items/${e.id}` : null)}
            />
          ) : undefined
        }
      />
      {data.status === 'answered' && canReview && <VerifyOrderCard order={data} />}
      <OrderHistory order={data} />
    </PageContainer>
  );
}
