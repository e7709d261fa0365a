import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  EmptyState,
  ErrorState,
  InspectionCalendar,
  type InspectionStatus,
  InspectionTable,
  PageContainer,
  useAppAbility,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

const STATUSES: InspectionStatus[] = ['planned', 'in_progress', 'completed'];

/** 督查 the office has planned and done, newest date first, as a list or on a month calendar. */
export default function InspectionListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const inspections = useQuery({
    ...trpc.inspection.list.queryOptions({ status }),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const canCreate = ability.can('create', 'Inspection');
  const create = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
      {t('supervision.newInspection')}
    </Button>
  );
  const empty = status ? (
    <EmptyState
      description={t('supervision.inspectionsEmptyFiltered')}
      action={<Button onClick={() => set('status', undefined)}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyState
      description={canCreate ? t('supervision.inspectionsEmptyCanCreate') : t('supervision.inspectionsEmpty')}
      action={create}
    />
  );
  return (
    <PageContainer
      title={t('supervision.inspections')}
      subTitle={phone ? undefined : t('supervision.inspectionsHint')}
      extra={create}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Flex justify="space-between" gap={8} wrap>
            <Segmented<InspectionStatus | 'all'>
              value={status ?? 'all'}
              onChange={(value) => set('status', value === 'all' ? undefined : value)}
              options={[
                { value: 'all', label: t('supervision.allStatuses') },
                ...STATUSES.map((s) => ({ value: s, label: t(`supervision.status_${s}`) })),
              ]}
            />
            <Segmented<'list' | 'calendar'>
              value={view}
              onChange={(value) => set('view', value === 'list' ? undefined : value)}
              options={[
                { value: 'list', icon: <UnorderedListOutlined />, label: t('supervision.viewList') },
                { value: 'calendar', icon: <CalendarOutlined />, label: t('supervision.viewCalendar') },
              ]}
            />
          </Flex>
          {inspections.isError ? (
            <ErrorState error={inspections.error} onRetry={() => void inspections.refetch()} />
          ) : view === 'calendar' ? (
            <InspectionCalendar items={inspections.data?.items ?? []} />
          ) : (
            <InspectionTable items={inspections.data?.items} loading={inspections.isFetching} empty={empty} />
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
