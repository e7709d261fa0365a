import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  EmptyState,
  ErrorState,
  type OrderStatus,
  OrderTable,
  PageContainer,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

const STATUSES: OrderStatus[] = ['open', 'answered', 'closed'];

/** 整改任务: the unit's orders, soonest deadline first; open ones first by default. */
export default function OrderListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const orders = useQuery({
    ...trpc.rectification.list.queryOptions({ status }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('supervision.myOrders')}
      subTitle={phone ? undefined : t('supervision.myOrdersHint')}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Segmented<OrderStatus | 'all'>
            value={status ?? 'all'}
            onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
            options={[
              { value: 'all', label: t('supervision.allStatuses') },
              ...STATUSES.map((s) => ({ value: s, label: t(`supervision.order_${s}`) })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {orders.isError ? (
            <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
          ) : (
            <OrderTable
              items={orders.data?.items}
              loading={orders.isFetching}
              empty={
                status ? (
                  <EmptyState
                    description={t('supervision.ordersEmptyFiltered')}
                    action={
                      <Button onClick={() => setParams({}, { replace: true })}>{t('common.reset')}</Button>
                    }
                  />
                ) : (
                  <EmptyState description={t('supervision.ordersEmptyUnit')} />
                )
              }
            />
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
