import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoticeWindow } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  KeysetPager,
  PageContainer,
  type TNoticeSummary,
  useAppAbility,
  useCursorStack,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Badge, Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

type Row = TNoticeSummary;
const WINDOWS: NoticeWindow[] = ['upcoming', 'open', 'closed'];
export const WINDOW_COLORS: Record<NoticeWindow, string | undefined> = {
  upcoming: 'blue',
  open: 'green',
  closed: undefined,
};

/** 公示: notices with their window, and objections still to answer. */
export default function NoticeListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const windowFilter = WINDOWS.find((w) => w === params.get('window'));
  const pages = useCursorStack(windowFilter ?? '');
  const list = useQuery({
    ...trpc.notice.list.queryOptions({ window: windowFilter, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const canPublish = ability.can('create', 'Notice');
  const publish = canPublish && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
      {t('supervision.newNotice')}
    </Button>
  );
  return (
    <PageContainer
      title={t('supervision.notices')}
      subTitle={phone ? undefined : t('supervision.noticesHint')}
      extra={publish}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Segmented<NoticeWindow | 'all'>
            value={windowFilter ?? 'all'}
            onChange={(v) => setParams(v === 'all' ? {} : { window: v }, { replace: true })}
            options={[
              { value: 'all', label: t('supervision.allStatuses') },
              ...WINDOWS.map((w) => ({ value: w, label: t(`supervision.window_${w}`) })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <Table<Row>
              rowKey="id"
              size="middle"
              dataSource={list.data?.items}
              loading={list.isFetching}
              pagination={false}
              locale={{
                emptyText: list.isPending ? (
                  ' '
                ) : (
                  <EmptyState description={t('supervision.noticesEmpty')} action={publish} />
                ),
              }}
              onRow={(n) => ({ onClick: () => navigate(n.id), style: { cursor: 'pointer' } })}
              columns={[
                {
                  key: 'title',
                  title: t('supervision.noticeTitle'),
                  render: (_, n) => (
                    <Flex vertical gap={2}>
                      <Link to={n.id} onClick={(e) => e.stopPropagation()}>
                        {n.title}
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`supervision.noticeKind_${n.kind}`)} ·{' '}
                        {t('supervision.unitCount', { count: n.subjects })}
                        {phone && ` · ${n.startsOn} – ${n.endsOn}`}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  key: 'window',
                  title: t('supervision.noticeWindow'),
                  width: 230,
                  responsive: ['md'],
                  render: (_, n) => (
                    <Flex gap={6} align="center">
                      <Tag color={WINDOW_COLORS[n.window]} style={{ marginInlineEnd: 0 }}>
                        {t(`supervision.window_${n.window}`)}
                      </Tag>
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {n.startsOn} – {n.endsOn}
                      </span>
                    </Flex>
                  ),
                },
                {
                  key: 'objections',
                  title: t('supervision.objections'),
                  width: phone ? 72 : 110,
                  align: 'end',
                  render: (_, n) => (
                    <Badge count={n.openObjections} size="small" offset={[6, 0]}>
                      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n.objections}</span>
                    </Badge>
                  ),
                },
              ]}
            />
          )}
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isPlaceholderData} />
        </Flex>
      </Card>
    </PageContainer>
  );
}
