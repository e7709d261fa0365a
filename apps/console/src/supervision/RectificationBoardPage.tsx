import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  EmptyState,
  ErrorState,
  type OrderStatus,
  OrderTable,
  PageContainer,
  useAppAbility,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Checkbox, Flex, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnitSelect } from '../units/UnitSelect';
import { IssueOrderModal } from './IssueOrderModal';
import { TimelinessTable } from './TimelinessTable';

const STATUSES: OrderStatus[] = ['open', 'answered', 'closed'];

function OrdersTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const overdue = params.get('overdue') === '1';
  const unitId = params.get('unit') ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const orders = useQuery({
    ...trpc.rectification.list.queryOptions({ status, overdue: overdue || undefined, unitId }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(status || overdue || unitId);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Segmented<OrderStatus | 'all'>
          value={status ?? 'all'}
          onChange={(value) => set('status', value === 'all' ? undefined : value)}
          options={[
            { value: 'all', label: t('supervision.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`supervision.order_${s}`) })),
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => set('overdue', e.target.checked ? '1' : undefined)}>
          {t('supervision.onlyOverdue')}
        </Checkbox>
        <UnitSelect
          allowClear
          value={unitId}
          onChange={(value) => set('unit', value)}
          placeholder={t('supervision.filterUnit')}
          aria-label={t('supervision.filterUnit')}
          style={{ width: phone ? '100%' : 260 }}
        />
      </Flex>
      {orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <OrderTable
          items={orders.data?.items}
          loading={orders.isFetching}
          showUnit
          empty={
            filtered ? (
              <EmptyState
                description={t('supervision.ordersEmptyFiltered')}
                action={<Button onClick={() => setParams({}, { replace: true })}>{t('common.reset')}</Button>}
              />
            ) : (
              <EmptyState description={t('supervision.ordersEmptyOffice')} />
            )
          }
        />
      )}
    </Flex>
  );
}

/** 整改督办: every order in scope with filters, and each unit's timeliness. */
export default function RectificationBoardPage() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const [issuing, setIssuing] = useState(false);
  const tab = params.get('tab') === 'timeliness' ? 'timeliness' : 'orders';
  const canIssue = ability.can('create', 'Rectification');
  return (
    <PageContainer
      title={t('supervision.rectifications')}
      subTitle={phone ? undefined : t('supervision.rectificationsHint')}
      extra={
        canIssue && (
          <Button icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('supervision.newOrder')}
          </Button>
        )
      }
    >
      <Card styles={{ body: { padding: phone ? 12 : 16, paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'orders' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'orders', label: t('supervision.ordersTab'), children: <OrdersTab /> },
            { key: 'timeliness', label: t('supervision.timelinessTab'), children: <TimelinessTable /> },
          ]}
        />
      </Card>
      {issuing && <IssueOrderModal onClose={() => setIssuing(false)} />}
    </PageContainer>
  );
}
