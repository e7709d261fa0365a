import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BULLETIN_KINDS } from '@wenming/domain';
import {
  type BulletinKind,
  BulletinTable,
  EmptyState,
  ErrorState,
  KeysetPager,
  PageContainer,
  useAppAbility,
  useCursorStack,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Checkbox, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

/** 通报 the office published, with how many addressed units acknowledged each. */
export default function BulletinListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const kind = BULLETIN_KINDS.find((k) => k === params.get('kind'));
  const pending = params.get('pending') === '1';
  const pages = useCursorStack(`${kind}:${pending}`);
  const list = useQuery({
    ...trpc.bulletin.list.queryOptions({
      kind,
      unacknowledged: pending || undefined,
      cursor: pages.cursor,
      limit: 20,
    }),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const canPublish = ability.can('create', 'Bulletin');
  const publish = canPublish && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
      {t('supervision.newBulletin')}
    </Button>
  );
  return (
    <PageContainer
      title={t('supervision.bulletins')}
      subTitle={phone ? undefined : t('supervision.bulletinsHint')}
      extra={publish}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Segmented<BulletinKind | 'all'>
              value={kind ?? 'all'}
              onChange={(v) => set('kind', v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('supervision.allStatuses') },
                ...BULLETIN_KINDS.map((k) => ({ value: k, label: t(`supervision.bulletin_${k}`) })),
              ]}
            />
            <Checkbox checked={pending} onChange={(e) => set('pending', e.target.checked ? '1' : undefined)}>
              {t('supervision.onlyUnacknowledged')}
            </Checkbox>
          </Flex>
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <BulletinTable
              side="office"
              items={list.data?.items}
              loading={list.isFetching}
              empty={
                kind || pending ? (
                  <EmptyState
                    description={t('supervision.bulletinsEmptyFiltered')}
                    action={
                      <Button onClick={() => setParams({}, { replace: true })}>{t('common.reset')}</Button>
                    }
                  />
                ) : (
                  <EmptyState description={t('supervision.bulletinsEmptyOffice')} action={publish} />
                )
              }
            />
          )}
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isPlaceholderData} />
        </Flex>
      </Card>
    </PageContainer>
  );
}
