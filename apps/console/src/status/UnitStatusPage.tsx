import { useQuery } from '@tanstack/react-query';
import {
  CurrentTitleCard,
  ErrorState,
  formatDate,
  LoadingState,
  loadWorkStrings,
  PageContainer,
  StandingTag,
  StatusHistory,
  StatusLevelTag,
  statusRecordSubject,
  UnitDecisions,
  useAppAbility,
  useTRPC,
} from '@wenming/ui';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StepMenu } from './StepMenu';

loadWorkStrings();

/** One unit on the register: its title and standing, the steps allowed now, decisions and history. */
export default function UnitStatusPage() {
  const { unitId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const unit = useQuery(trpc.unit.get.queryOptions({ id: unitId }));
  const entry = useQuery({
    ...trpc.status.register.queryOptions({ q: unit.data?.code, limit: 20 }),
    enabled: Boolean(unit.data),
    select: (page) => page.items.find((e) => e.unitId === unitId) ?? null,
  });
  if (unit.isPending) return <LoadingState />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  const e = entry.data;
  const canStep = ability.can('create', statusRecordSubject(u.officeId, u.id));
  return (
    <PageContainer
      title={u.name}
      tags={
        <>
          <StatusLevelTag level={u.level} />
          {e && <StandingTag standing={e.standing} />}
        </>
      }
      subTitle={t('assessment.unitStatus')}
      backTo="/status"
      breadcrumb={[{ title: t('assessment.register'), path: '/status' }, { title: u.name }]}
      extra={
        canStep &&
        e && <StepMenu unit={{ id: u.id, name: u.name }} allowed={e.allowedActions} size="middle" />
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <CurrentTitleCard
              unit={u}
              standing={e?.standing}
              more={
                e?.deadline
                  ? [
                      {
                        key: 'deadline',
                        label: t('assessment.stepDeadline'),
                        children: formatDate(e.deadline),
                      },
                    ]
                  : []
              }
            >
              {canStep && e && e.allowedActions.length === 0 && (
                <Typography.Text type="secondary">{t('assessment.noActions')}</Typography.Text>
              )}
            </CurrentTitleCard>
            <UnitDecisions unitId={u.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('assessment.statusHistory')}>
            <StatusHistory
              unitId={u.id}
              extra={(record) =>
                record.inspection && (
                  <Typography.Text>
                    {t('assessment.reexaminedBy')}
                    <Link to={`/inspections/${record.inspection.id}`}>{record.inspection.title}</Link>
                  </Typography.Text>
                )
              }
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
