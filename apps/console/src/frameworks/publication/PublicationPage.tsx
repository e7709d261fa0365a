import { useQuery } from '@tanstack/react-query';
import { STATUS_LEVELS } from '@wenming/domain';
import {
  Can,
  EmptyState,
  ErrorState,
  formatDate,
  loadWorkStrings,
  localized,
  PageContainer,
  StatusLevelTag,
  useAppAbility,
  useLanguage,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Card, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OfficeTreeSelect, useOfficeTree } from '../../offices/OfficeTreeSelect';
import { PublishForm } from './PublishForm';

loadWorkStrings();

function useAssignments(officeId: string | undefined) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.framework.assignments.queryOptions({ officeId }), enabled: Boolean(officeId) });
}
type Assignment = NonNullable<ReturnType<typeof useAssignments>['data']>['items'][number];

/** Higher titles first, then "all types" before the type-specific publications. */
function byLevel(a: Assignment, b: Assignment) {
  return (
    STATUS_LEVELS.indexOf(b.targetLevel) - STATUS_LEVELS.indexOf(a.targetLevel) ||
    (a.unitType ?? '').localeCompare(b.unitType ?? '')
  );
}

export default function PublicationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const ability = useAppAbility();
  const phone = usePhone();
  const offices = useOfficeTree();
  const [chosen, setChosen] = useState<string>();
  // The caller's own (top) office until they pick another: the tree lists parents first.
  const officeId = chosen ?? offices.data?.items[0]?.id;
  const assignments = useAssignments(officeId);

  const unitType = (a: Assignment) =>
    a.unitType ? t(`unitType.${a.unitType}`) : t('framework.allUnitTypes');
  const framework = (a: Assignment) => (
    <Flex vertical gap={2}>
      <Link to={`/frameworks/${a.framework.id}`}>{localized(a.framework.name, language)}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {a.framework.code} · v{a.framework.version}
      </Typography.Text>
    </Flex>
  );
  const origin = (a: Assignment) =>
    a.officeId === officeId ? (
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {t('framework.ownPublication')}
      </Tag>
    ) : (
      <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
        {t('framework.inheritedFrom', { office: a.officeName })}
      </Tag>
    );
  const level = (a: Assignment) => <StatusLevelTag level={a.targetLevel} />;

  const columns: TableProps<Assignment>['columns'] = phone
    ? [
        {
          key: 'level',
          title: t('framework.targetLevel'),
          width: 120,
          render: (_, a) => (
            <Flex vertical gap={4} align="start">
              {level(a)}
              <Typography.Text type="secondary">{unitType(a)}</Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'framework',
          title: t('framework.version'),
          render: (_, a) => (
            <Flex vertical gap={4} align="start">
              {framework(a)}
              {origin(a)}
            </Flex>
          ),
        },
      ]
    : [
        { key: 'level', title: t('framework.targetLevel'), width: 150, render: (_, a) => level(a) },
        { key: 'unitType', title: t('framework.unitType'), width: 110, render: (_, a) => unitType(a) },
        { key: 'framework', title: t('framework.version'), render: (_, a) => framework(a) },
        { key: 'origin', title: t('framework.origin'), width: 220, render: (_, a) => origin(a) },
        {
          key: 'publishedAt',
          title: t('framework.publishedAt'),
          width: 120,
          responsive: ['lg'],
          render: (_, a) => formatDate(a.publishedAt),
        },
      ];

  const canPublish = ability.can('create', 'FrameworkAssignment');
  return (
    <PageContainer
      title={t('framework.publication')}
      subTitle={phone ? undefined : t('framework.publicationHint')}
      breadcrumb={[
        { title: t('framework.list'), path: '/frameworks' },
        { title: t('framework.publication') },
      ]}
      backTo="/frameworks"
    >
      <Card
        title={t('framework.inForce')}
        size={phone ? 'small' : undefined}
        extra={
          <OfficeTreeSelect
            value={officeId}
            onChange={setChosen}
            aria-label={t('framework.publishOffice')}
            style={{ width: phone ? 180 : 260 }}
          />
        }
      >
        {assignments.isError ? (
          <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : (
          <Table<Assignment>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={[...(assignments.data?.items ?? [])].sort(byLevel)}
            loading={assignments.isFetching || offices.isPending}
            pagination={false}
            locale={{
              emptyText: assignments.isPending ? (
                ' '
              ) : (
                <EmptyState
                  description={
                    canPublish ? t('framework.noAssignmentsPublish') : t('framework.noAssignments')
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <Can I="create" a="FrameworkAssignment">
        <Card title={t('framework.publishTitle')} size={phone ? 'small' : undefined}>
          <Typography.Paragraph type="secondary">{t('framework.publishHint')}</Typography.Paragraph>
          {officeId && <PublishForm officeId={officeId} onPublished={setChosen} />}
        </Card>
      </Can>
    </PageContainer>
  );
}
