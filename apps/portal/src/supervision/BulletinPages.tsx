import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BulletinKindTag,
  BulletinTable,
  BulletinView,
  EmptyState,
  ErrorState,
  formatDateTime,
  KeysetPager,
  LoadingState,
  PageContainer,
  useCursorStack,
  useErrorMessage,
  usePhone,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

/** 通报 addressed to the unit; those still to acknowledge can be listed alone. */
export function BulletinListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const pending = params.get('pending') === '1';
  const pages = useCursorStack(pending ? 'pending' : 'all');
  const list = useQuery({
    ...trpc.bulletin.list.queryOptions({
      unacknowledged: pending || undefined,
      cursor: pages.cursor,
      limit: 20,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('supervision.bulletins')}
      subTitle={phone ? undefined : t('supervision.bulletinsUnitHint')}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Segmented<string>
            value={pending ? 'pending' : 'all'}
            onChange={(v) => setParams(v === 'pending' ? { pending: '1' } : {}, { replace: true })}
            options={[
              { value: 'all', label: t('supervision.allStatuses') },
              { value: 'pending', label: t('supervision.toAcknowledge') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <BulletinTable
              side="unit"
              items={list.data?.items}
              loading={list.isFetching}
              empty={
                <EmptyState
                  description={
                    pending ? t('supervision.nothingToAcknowledge') : t('supervision.bulletinsEmptyUnit')
                  }
                />
              }
            />
          )}
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isPlaceholderData} />
        </Flex>
      </Card>
    </PageContainer>
  );
}

/** One bulletin: reading it leaves the unit's read receipt; the campaign office acknowledges it. */
export function BulletinPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const bulletin = useQuery(trpc.bulletin.get.queryOptions({ id }));
  const acknowledge = useMutation(
    trpc.bulletin.acknowledge.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.bulletin.get.queryKey({ id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.bulletin.list.queryKey() });
        toast.success(t('supervision.acknowledgedToast'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (bulletin.isPending) return <LoadingState />;
  if (bulletin.isError) return <ErrorState error={bulletin.error} onRetry={() => void bulletin.refetch()} />;
  const data = bulletin.data;
  const own = data.recipients[0];
  return (
    <PageContainer
      title={data.title}
      tags={<BulletinKindTag kind={data.kind} />}
      breadcrumb={[{ title: t('supervision.bulletins'), path: '/bulletins' }, { title: data.title }]}
      backTo="/bulletins"
      extra={
        data.canAcknowledge && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ id })}
          >
            {t('supervision.acknowledge')}
          </Button>
        )
      }
    >
      {own?.acknowledgedAt ? (
        <Alert
          type="success"
          showIcon
          title={t('supervision.acknowledgedBy', {
            name: own.acknowledgedByName ?? '',
            time: formatDateTime(own.acknowledgedAt),
          })}
        />
      ) : (
        data.canAcknowledge && <Alert type="warning" showIcon title={t('supervision.acknowledgeHint')} />
      )}
      <BulletinView bulletin={data} />
    </PageContainer>
  );
}
