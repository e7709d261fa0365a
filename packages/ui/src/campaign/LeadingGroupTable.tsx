import type { TLeadingGroupMember } from '@wenming/domain';
import { Flex, List, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';
import { usePhone } from '../layout/screens';
import { EmptyState } from '../layout/states';

loadWorkStrings();

const ROLE_COLORS: Record<TLeadingGroupMember['role'], string | undefined> = {
  leader: 'red',
  deputy: 'orange',
  member: undefined,
  contact: 'blue',
};

export function LeadingRoleTag({ role }: { role: TLeadingGroupMember['role'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
      {t(`leadingRole.${role}`)}
    </Tag>
  );
}

/** The current leading group, read-only: a table on screens, a list on phones. */
export function LeadingGroupTable({
  members,
  emptyHint,
}: {
  members: TLeadingGroupMember[];
  emptyHint?: string;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  if (members.length === 0) return <EmptyState description={emptyHint ?? t('campaign.leadingGroupEmpty')} />;
  if (phone) {
    return (
      <List
        dataSource={members}
        rowKey="id"
        renderItem={(m) => (
          <List.Item>
            <Flex vertical gap={2}>
              <Flex gap={8} align="center" wrap>
                <LeadingRoleTag role={m.role} />
                <Typography.Text strong>{m.name}</Typography.Text>
                {m.title && <Typography.Text type="secondary">{m.title}</Typography.Text>}
              </Flex>
              {(m.departmentName || m.phone) && (
                <Typography.Text type="secondary">
                  {[m.departmentName, m.phone].filter(Boolean).join(' · ')}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    );
  }
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: TableProps<TLeadingGroupMember>['columns'] = [
    {
      key: 'role',
      title: t('campaign.memberRole'),
      width: 110,
      render: (_, m) => <LeadingRoleTag role={m.role} />,
    },
    { key: 'name', dataIndex: 'name', title: t('campaign.memberName') },
    { key: 'title', title: t('campaign.memberTitle'), render: (_, m) => m.title ?? dash },
    { key: 'department', title: t('campaign.memberDepartment'), render: (_, m) => m.departmentName ?? dash },
    { key: 'phone', title: t('campaign.memberPhone'), render: (_, m) => m.phone ?? dash },
  ];
  return <Table rowKey="id" size="small" columns={columns} dataSource={members} pagination={false} />;
}
