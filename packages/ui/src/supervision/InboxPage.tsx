import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification } from '@wenming/domain';
import { Badge, Button, Card, Flex, List, Segmented, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useErrorMessage } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useToast } from '../app/feedback';
import { useLanguage } from '../i18n';
import { KeysetPager, useCursorStack } from '../layout/KeysetPager';
import { PageContainer } from '../layout/PageContainer';
import { usePhone } from '../layout/screens';
import { EmptyState, ErrorState } from '../layout/states';
import { formatDateTime } from '../status/format';
import { EmailSettingsCard } from './EmailSettingsCard';
import { loadSupervisionStrings } from './strings';

loadSupervisionStrings();

/** Links name the platform path (`/portal/…`); inside the same SPA they open without a reload. */
function useOpenLink() {
  const navigate = useNavigate();
  const base = import.meta.env.BASE_URL;
  return (link: string) => {
    if (link.startsWith(base)) navigate(`/${link.slice(base.length)}`);
    else window.location.assign(link);
  };
}

/** 消息: what needs the reader, unread first; opening one marks it read. */
export default function InboxPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const openLink = useOpenLink();
  const phone = usePhone();
  // The server writes each item in both languages; items from before that read in Chinese.
  const english = useLanguage() === 'en';
  const [params, setParams] = useSearchParams();
  const filter = params.get('unread') === '1' ? 'unread' : 'all';
  const setFilter = (value: string) =>
    setParams(value === 'unread' ? { unread: '1' } : {}, { replace: true });
  const unread = filter === 'unread';
  const pages = useCursorStack(filter);
  const list = useQuery({
    ...trpc.notification.list.queryOptions({ unread: unread || undefined, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
  };
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: refresh,
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const open = (n: TNotification) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    if (n.link) openLink(n.link);
  };
  return (
    <PageContainer
      title={t('supervision.inbox')}
      extra={
        <Button
          icon={<CheckOutlined />}
          onClick={() => markRead.mutate({ all: true })}
          loading={markRead.isPending}
        >
          {t('supervision.markAllRead')}
        </Button>
      }
    >
      <Card styles={{ body: { padding: phone ? 8 : 16 } }}>
        <Flex vertical gap={12}>
          <Segmented<string>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('supervision.inboxAll') },
              { value: 'unread', label: t('supervision.inboxUnread') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <List
              loading={list.isFetching && !list.data}
              dataSource={list.data?.items}
              locale={{
                emptyText: (
                  <EmptyState
                    description={unread ? t('supervision.inboxNoUnread') : t('supervision.inboxEmpty')}
                  />
                ),
              }}
              renderItem={(n) => (
                <List.Item
                  data-notification={n.kind}
                  onClick={() => open(n)}
                  style={{ cursor: n.link || !n.readAt ? 'pointer' : undefined, paddingInline: 8 }}
                  actions={
                    n.readAt
                      ? undefined
                      : [
                          <Button
                            key="read"
                            size="small"
                            type="link"
                            onClick={(e) => {
                              e.stopPropagation();
                              markRead.mutate({ ids: [n.id] });
                            }}
                          >
                            {t('supervision.markRead')}
                          </Button>,
                        ]
                  }
                >
                  <Flex gap={10} align="start" style={{ minWidth: 0 }}>
                    <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Typography.Text
                        strong={!n.readAt}
                        style={{ color: n.readAt ? token.colorTextSecondary : undefined }}
                      >
                        {english ? (n.titleEn ?? n.title) : n.title}
                      </Typography.Text>
                      {n.body && (
                        <Typography.Text type="secondary">
                          {english ? (n.bodyEn ?? n.body) : n.body}
                        </Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[t(`supervision.notification_${n.kind}`), formatDateTime(n.createdAt)].join(' · ')}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                </List.Item>
              )}
            />
          )}
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isPlaceholderData} />
        </Flex>
      </Card>
      <EmailSettingsCard />
    </PageContainer>
  );
}
