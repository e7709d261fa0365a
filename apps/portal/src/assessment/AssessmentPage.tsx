import { CheckOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  byCategory,
  certificateUrl,
  ErrorState,
  formatDate,
  formatDateTime,
  formatPoints,
  LoadingState,
  localized,
  OutcomeTag,
  PageContainer,
  PhaseTag,
  ResultPanel,
  StatusLevelTag,
  type TAssessment,
  type TAssessmentSummary,
  useErrorMessage,
  useLanguage,
  usePhone,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Popconfirm, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FeedbackList } from './FeedbackList';
import { SelfScoreCard } from './SelfScoreCard';

function SubmitSelf({ assessment, ready }: { assessment: TAssessment; ready: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const submit = useMutation(
    trpc.assessment.submit.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(
          trpc.assessment.get.queryKey({ campaignId: assessment.campaignId }),
          updated,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.assessment.list.queryKey() });
        toast.success(t('assessment.selfSubmittedToast'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Popconfirm
      title={t('assessment.selfSubmit')}
      description={<div style={{ maxWidth: 280 }}>{t('assessment.selfSubmitConfirm')}</div>}
      okText={t('assessment.selfSubmit')}
      cancelText={t('common.cancel')}
      onConfirm={() => submit.mutate({ campaignId: assessment.campaignId })}
    >
      <Button type={ready ? 'primary' : 'default'} icon={<CheckOutlined />} loading={submit.isPending}>
        {t('assessment.selfSubmit')}
      </Button>
    </Popconfirm>
  );
}

function SelfAssessment({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scope = assessment.indicators.filter((i) => !i.exemption);
  const done = scope.filter((i) => i.self).length;
  const groups = byCategory(assessment);
  return (
    <>
      <Card size="small">
        <Flex align="center" gap={12} wrap>
          <Typography.Text>{t('assessment.selfProgress', { done, total: scope.length })}</Typography.Text>
          <Progress
            percent={scope.length ? Math.round((done / scope.length) * 100) : 0}
            size="small"
            style={{ flex: '1 1 160px', margin: 0, maxWidth: 320 }}
          />
          <SubmitSelf assessment={assessment} ready={done === scope.length} />
        </Flex>
      </Card>
      <Collapse
        defaultActiveKey={groups.map((g) => g.category.id)}
        items={groups.map(({ category, indicators }) => ({
          key: category.id,
          label: (
            <Typography.Text strong>
              {category.code} {localized(category.name, language)}{' '}
              <Typography.Text type="secondary">
                {t('assessment.points', { points: formatPoints(category.points) })}
              </Typography.Text>
            </Typography.Text>
          ),
          children: (
            <Flex vertical gap={12}>
              {indicators.map((i) => (
                <SelfScoreCard key={i.id} assessment={assessment} indicator={i} />
              ))}
            </Flex>
          ),
        }))}
      />
    </>
  );
}

function DecisionCard({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const d = assessment.decision!;
  return (
    <Card
      size="small"
      title={t('assessment.decision')}
      extra={
        d.outcome !== 'rejection' && (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => navigate(certificateUrl(d.id))}
          >
            {t('assessment.viewCertificate')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'outcome', label: t('assessment.outcome'), children: <OutcomeTag outcome={d.outcome} /> },
          { key: 'no', label: t('assessment.decisionNo'), children: d.decisionNo },
          { key: 'on', label: t('assessment.decidedOn'), children: formatDate(d.decidedOn) },
          ...(d.termStartYear !== null
            ? [
                {
                  key: 'term',
                  label: t('assessment.term'),
                  children: t('assessment.termValue', { start: d.termStartYear, end: d.termEndYear }),
                },
              ]
            : []),
          ...(d.reason ? [{ key: 'reason', label: t('assessment.reason'), children: d.reason }] : []),
        ]}
      />
    </Card>
  );
}

/** One campaign as its unit sees it: self-assessment while open, then results and feedback. */
export function AssessmentView({
  campaignId,
  others = [],
}: {
  campaignId: string;
  others?: TAssessmentSummary[];
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const query = useQuery(trpc.assessment.get.queryOptions({ campaignId }));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const decided = a.phase === 'decided';
  return (
    <PageContainer
      title={t('assessment.selfTitle')}
      tags={
        <>
          <StatusLevelTag level={a.targetLevel} />
          <PhaseTag phase={a.phase} />
        </>
      }
      subTitle={phone ? undefined : t('assessment.selfHint')}
    >
      {a.me.canSelfScore && <SelfAssessment assessment={a} />}
      {!a.me.canSelfScore && a.selfSubmittedAt && (
        <Alert
          type="success"
          showIcon
          title={t('assessment.selfSubmittedAt', { at: formatDateTime(a.selfSubmittedAt) })}
        />
      )}
      {!a.me.canSelfScore && !decided && (
        <Alert
          type="info"
          showIcon
          title={a.selfSubmittedAt ? t('assessment.waitingDecision') : t('assessment.selfNotOpen')}
        />
      )}
      {decided && a.decision && <DecisionCard assessment={a} />}
      {decided && (
        <Card size="small" title={t('assessment.result')}>
          <ResultPanel {...a} />
        </Card>
      )}
      {!a.me.canSelfScore && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t(decided ? 'assessment.feedback' : 'assessment.self')}
          </Typography.Title>
          <FeedbackList assessment={a} />
        </>
      )}
      {others.length > 0 && (
        <Card size="small" title={t('assessment.otherCampaigns')}>
          <Flex vertical gap={4}>
            {others.map((o) => (
              <Link key={o.campaignId} to={`/assessment/${o.campaignId}`}>
                {t(`level.${o.targetLevel}`)} ·{' '}
                {t('assessment.termValue', { start: o.termStartYear, end: o.termEndYear })} ·{' '}
                {t(`phase.${o.phase}`)}
              </Link>
            ))}
          </Flex>
        </Card>
      )}
    </PageContainer>
  );
}

export default function AssessmentPage() {
  const { campaignId = '' } = useParams();
  return <AssessmentView campaignId={campaignId} />;
}
