import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TRoleAssignment, TUser } from '@wenming/domain';
import {
  Can,
  EmptyState,
  ErrorState,
  KeysetPager,
  loadWorkStrings,
  Notice,
  PageContainer,
  useAppAbility,
  useCursorStack,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Input, Table, type TableProps, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UserExportButton } from '../import/ExportButtons';
import { ImportButton } from '../import/ImportButton';

loadWorkStrings();

const CreateUserModal = lazy(() => import('./CreateUserModal'));

function scopeOf(role: TRoleAssignment): string {
  const place = role.unitName ?? role.officeName;
  return role.departmentName ? `${place} / ${role.departmentName}` : place;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const pages = useCursorStack(q ?? '');
  const [creating, setCreating] = useState(false);
  const allowed = ability.can('create', 'User');
  const users = useQuery({
    ...trpc.user.list.queryOptions({ q, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });

  if (!allowed) {
    return <Notice kind="forbidden" title={t('user.noPermission')} subTitle={t('user.noPermissionHint')} />;
  }

  const columns: TableProps<TUser>['columns'] = [
    { key: 'username', dataIndex: 'username', title: t('user.username'), responsive: ['sm'] },
    {
      key: 'displayName',
      dataIndex: 'displayName',
      title: t('user.displayName'),
      render: (name: string, user) => (
        <Flex vertical>
          <span>{name}</span>
          {phone && <Typography.Text type="secondary">{user.username}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'roles',
      title: t('user.roles'),
      render: (_: unknown, user) => (
        <Flex vertical gap={4} align="start">
          {user.roles.map((role) => (
            <Flex key={role.id} gap={6} align="center" wrap>
              <Tag color={role.unitId ? 'cyan' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {t(`role.${role.role}`)}
              </Tag>
              <Typography.Text type="secondary">{scopeOf(role)}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      ),
    },
    {
      key: 'phone',
      dataIndex: 'phone',
      title: t('user.phone'),
      responsive: ['lg'],
      render: (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('user.active'),
      width: 90,
      responsive: ['md'],
      render: (active: boolean) =>
        active ? <Tag color="green">{t('user.enabled')}</Tag> : <Tag>{t('user.disabled')}</Tag>,
    },
  ];

  return (
    <PageContainer
      title={t('user.list')}
      subTitle={t('user.listHint')}
      extra={
        <Flex gap={8} wrap>
          <UserExportButton q={q} />
          <Can I="create" a="User">
            <ImportButton kind="users" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('user.create')}
            </Button>
          </Can>
        </Flex>
      }
    >
      <Card styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Input.Search
            key={q ?? ''}
            defaultValue={q}
            placeholder={t('user.searchPlaceholder')}
            aria-label={t('user.searchPlaceholder')}
            allowClear
            enterButton
            onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
            style={{ width: phone ? '100%' : 320 }}
          />
          {users.isError ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : (
            <>
              <Table<TUser>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={users.data?.items}
                loading={users.isFetching}
                pagination={false}
                locale={{
                  emptyText: users.isPending ? (
                    ' '
                  ) : (
                    <EmptyState description={q ? t('user.emptyFiltered') : t('user.empty')} />
                  ),
                }}
              />
              <KeysetPager pages={pages} nextCursor={users.data?.nextCursor} busy={users.isPlaceholderData} />
            </>
          )}
        </Flex>
      </Card>
      {creating && (
        <Suspense fallback={null}>
          <CreateUserModal onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </PageContainer>
  );
}
