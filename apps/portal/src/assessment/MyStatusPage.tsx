import { useQuery } from '@tanstack/react-query';
import {
  CurrentTitleCard,
  ErrorState,
  formatDate,
  LoadingState,
  loadWorkStrings,
  Notice,
  PageContainer,
  StatusHistory,
  UnitDecisions,
  useMe,
  useTRPC,
} from '@wenming/ui';
import { Alert, Card, Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

function UnitStatus({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const unit = useQuery(trpc.unit.get.queryOptions({ id: unitId }));
  // The register answers only what the caller may read: for unit staff, their own unit.
  const entry = useQuery({
    ...trpc.status.register.queryOptions({ limit: 5 }),
    select: (page) => page.items.find((e) => e.unitId === unitId) ?? null,
  });
  if (unit.isPending) return <LoadingState />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  const e = entry.data;
  return (
    <PageContainer title={t('assessment.myStatus')} subTitle={u.name}>
      {u.level === 'none' && <Alert type="info" showIcon title={t('assessment.noTitle')} />}
      {e?.standing === 'yellow_card' && e.deadline && (
        <Alert
          type="warning"
          showIcon
          title={`${t('assessment.standing_yellow_card')} · ${t('assessment.deadline', { date: formatDate(e.deadline) })}`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <CurrentTitleCard
              unit={u}
              standing={e?.standing}
              more={
                e?.termEndsSoon
                  ? [
                      {
                        key: 'soon',
                        label: t('assessment.endingSoon'),
                        children: t('assessment.endingSoonTag'),
                      },
                    ]
                  : []
              }
            />
            <UnitDecisions unitId={u.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('assessment.statusHistory')}>
            <StatusHistory unitId={u.id} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

export default function MyStatusPage() {
  const { t } = useTranslation();
  const unitId = useMe().scope.unitId;
  if (!unitId) return <Notice kind="info" title={t('unit.noUnitTitle')} subTitle={t('unit.noUnitHint')} />;
  return <UnitStatus unitId={unitId} />;
}
