import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ErrorState,
  formatDateTime,
  InspectionKindTag,
  InspectionStatusTag,
  inspectionSubject,
  LoadingState,
  PageContainer,
  type TInspection,
  unitProgress,
  useAppAbility,
  useErrorMessage,
  usePhone,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Descriptions, Flex, List, Popconfirm, Progress, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FindingList } from './FindingList';

const ReexaminationsCard = lazy(() => import('../status/ReexaminationsCard'));

function UnitRows({ inspection, canEdit }: { inspection: TInspection; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <List
      dataSource={inspection.units}
      renderItem={(unit) => {
        const progress = unitProgress(inspection, unit.id);
        const findings = inspection.findings.filter((f) => f.unitId === unit.id).length;
        return (
          <List.Item
            data-unit={unit.name}
            actions={[
              <Link key="go" to={`units/${unit.id}`}>
                {canEdit ? t('supervision.goOnSite') : t('supervision.viewResults')} <RightOutlined />
              </Link>,
            ]}
          >
            <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text strong>{unit.name}</Typography.Text>
              <Flex align="center" gap={8}>
                <Progress
                  percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
                  size="small"
                  showInfo={false}
                  style={{ maxWidth: 160, margin: 0 }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t('supervision.checkedOf', { done: progress.done, total: progress.total })}
                  {findings > 0 && ` · ${t('supervision.findingCount', { count: findings })}`}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** One inspection: its units and how far each is checked, its findings, and completing it. */
export default function InspectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const ability = useAppAbility();
  const phone = usePhone();
  const inspection = useQuery(trpc.inspection.get.queryOptions({ id }));
  const complete = useMutation(
    trpc.inspection.complete.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.inspection.get.queryKey({ id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.inspection.list.queryKey() });
        toast.success(t('supervision.completedToast'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (inspection.isPending) return <LoadingState />;
  if (inspection.isError)
    return <ErrorState error={inspection.error} onRetry={() => void inspection.refetch()} />;
  const data = inspection.data;
  const canEdit = data.status !== 'completed' && ability.can('update', inspectionSubject(data.officeId));
  const crumbs = [{ title: t('supervision.inspections'), path: '/inspections' }, { title: data.title }];
  return (
    <PageContainer
      title={data.title}
      tags={
        <>
          <InspectionKindTag kind={data.kind} />
          <InspectionStatusTag status={data.status} />
        </>
      }
      breadcrumb={crumbs}
      backTo="/inspections"
      extra={
        canEdit && (
          <Popconfirm
            title={t('supervision.completeConfirm')}
            description={
              data.kind === 'unannounced'
                ? t('supervision.completeUnannounced')
                : t('supervision.completeHint')
            }
            okText={t('supervision.complete')}
            cancelText={t('common.cancel')}
            onConfirm={() => complete.mutate({ id })}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={complete.isPending}>
              {t('supervision.complete')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {data.kind === 'unannounced' && data.status !== 'completed' && (
        <Alert type="warning" showIcon title={t('supervision.unannouncedHidden')} />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          column={phone ? 1 : 3}
          items={[
            { key: 'date', label: t('supervision.plannedOn'), children: data.plannedOn },
            {
              key: 'inspectors',
              label: t('supervision.inspectors'),
              children: data.inspectors.map((i) => i.name).join('、') || t('common.none'),
            },
            {
              key: 'items',
              label: t('supervision.checklist'),
              children: t('supervision.itemCount', { count: data.checklist.length }),
            },
            ...(data.completedAt
              ? [
                  {
                    key: 'completed',
                    label: t('supervision.completedAt'),
                    children: formatDateTime(data.completedAt),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title={t('supervision.unitsInspected', { count: data.units.length })}
        styles={{ body: { paddingBlock: 4 } }}
      >
        <UnitRows inspection={data} canEdit={canEdit} />
      </Card>
      <Card
        title={t('supervision.findingsTitle', { count: data.findings.length })}
        styles={{ body: { paddingBlock: 4 } }}
      >
        <FindingList inspection={data} findings={data.findings} showUnit actions />
      </Card>
      <Suspense fallback={null}>
        <ReexaminationsCard inspectionId={data.id} />
      </Suspense>
    </PageContainer>
  );
}
