import { useQuery } from '@tanstack/react-query';
import {
  EmptyState,
  ErrorState,
  formatDateTime,
  InspectionKindTag,
  InspectionStatusTag,
  LoadingState,
  PageContainer,
  ResultList,
  SeverityTag,
  useMe,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Card, Descriptions, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/** One inspection as the unit sees it: its own results and findings, nothing of other units. */
export default function InspectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const phone = usePhone();
  const inspection = useQuery(trpc.inspection.get.queryOptions({ id }));
  if (inspection.isPending) return <LoadingState />;
  if (inspection.isError)
    return <ErrorState error={inspection.error} onRetry={() => void inspection.refetch()} />;
  const data = inspection.data;
  const unitId = me.scope.unitId ?? data.units[0]?.id ?? '';
  const findings = data.findings.filter((f) => f.unitId === unitId);
  const itemLabel = (key: string | null) => data.checklist.find((i) => i.key === key)?.label;
  return (
    <PageContainer
      title={data.title}
      tags={
        <>
          <InspectionKindTag kind={data.kind} />
          <InspectionStatusTag status={data.status} />
        </>
      }
      breadcrumb={[{ title: t('supervision.unitInspections'), path: '/inspections' }, { title: data.title }]}
      backTo="/inspections"
    >
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
        title={t('supervision.findingsTitle', { count: findings.length })}
        styles={{ body: { paddingBlock: 4 } }}
      >
        <List
          dataSource={findings}
          locale={{ emptyText: <EmptyState description={t('supervision.findingsEmpty')} /> }}
          renderItem={(f) => (
            <List.Item>
              <Flex vertical gap={4}>
                <Flex gap={6} wrap align="center">
                  <SeverityTag severity={f.severity} />
                  {itemLabel(f.itemKey) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {itemLabel(f.itemKey)}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.description}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('supervision.inspectionResults')} styles={{ body: { padding: phone ? 8 : 16 } }}>
        <ResultList inspection={data} unitId={unitId} />
      </Card>
    </PageContainer>
  );
}
