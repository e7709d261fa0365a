import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../api/trpc';

/** New orders and deadlines reach people who keep the page open: the count is asked again each minute. */
const POLL_MS = 60_000;

/** The unread count in the header; a tap opens the inbox. Loaded after the shell, so it never delays it. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const unread = useQuery({
    ...trpc.notification.unreadCount.queryOptions({}),
    refetchInterval: POLL_MS,
    retry: false,
  });
  const count = unread.data?.count ?? 0;
  return (
    <Button
      type="text"
      aria-label={count ? t('shell.notificationsUnread', { count }) : t('shell.notifications')}
      onClick={() => navigate('/inbox')}
      icon={
        <Badge count={count} size="small" overflowCount={99} title={String(count)}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
}
