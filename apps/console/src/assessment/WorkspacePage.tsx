import { CheckOutlined, SafetyCertificateOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  byCategory,
  certificateUrl,
  ErrorState,
  formatDateTime,
  formatPoints,
  formatTerm,
  KindTag,
  LoadingState,
  localized,
  PageContainer,
  PhaseTag,
  ResultPanel,
  StatusLevelTag,
  type TAssessment,
  useErrorMessage,
  useLanguage,
  useMe,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Alert, Badge, Button, Collapse, Flex, Popconfirm, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { AssessorsPanel } from './AssessorsPanel';
import { IndicatorCard } from './IndicatorCard';
import { useApplyWorkspace } from './useWorkspace';
import { VetoPanel } from './VetoPanel';

const TABS = ['indicators', 'vetoes', 'assessors', 'result'] as const;
type Tab = (typeof TABS)[number];

/** How many indicators this assessor has scored, of those they score. */
function myProgress(a: TAssessment, userId: string) {
  const mine = a.assessorList.find((x) => x.userId === userId);
  const scope = a.indicators.filter(
    (i) =>
      !i.exemption && (!mine || mine.categoryIds.length === 0 || mine.categoryIds.includes(i.categoryId)),
  );
  return { done: scope.filter((i) => i.mine).length, total: scope.length };
}

function SubmitScores({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const apply = useApplyWorkspace(assessment.campaignId);
  const submit = useMutation(
    trpc.assessment.submit.mutationOptions({
      onSuccess: (updated) => {
        apply(updated);
        toast.success(t('assessment.submittedToast'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Popconfirm
      title={t('assessment.submitScores')}
      description={<div style={{ maxWidth: 320 }}>{t('assessment.submitScoresConfirm')}</div>}
      okText={t('assessment.submitScores')}
      cancelText={t('common.cancel')}
      onConfirm={() => submit.mutate({ campaignId: assessment.campaignId })}
    >
      <Button type="primary" icon={<CheckOutlined />} loading={submit.isPending}>
        {t('assessment.submitScores')}
      </Button>
    </Popconfirm>
  );
}

function Indicators({ assessment, userId }: { assessment: TAssessment; userId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = byCategory(assessment);
  if (groups.length === 0)
    return <Typography.Text type="secondary">{t('assessment.noIndicators')}</Typography.Text>;
  return (
    <Collapse
      defaultActiveKey={groups.map((g) => g.category.id)}
      items={groups.map(({ category, indicators }) => {
        const score = assessment.result?.categories.find((c) => c.id === category.id);
        return {
          key: category.id,
          label: (
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>
                {category.code} {localized(category.name, language)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {score
                  ? `${formatPoints(score.score)} / ${formatPoints(category.points)}`
                  : t('assessment.points', { points: formatPoints(category.points) })}
              </Typography.Text>
              {category.special && <Badge color="gold" text={t('assessment.bonusCategory')} />}
            </Flex>
          ),
          children: (
            <Flex vertical gap={12}>
              {indicators.map((i) => (
                <IndicatorCard key={i.id} assessment={assessment} indicator={i} userId={userId} />
              ))}
            </Flex>
          ),
        };
      })}
    />
  );
}

/** One campaign's assessment: indicators, vetoes, assessors and settings, and the result. */
export default function WorkspacePage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'indicators';
  const query = useQuery(trpc.assessment.get.queryOptions({ campaignId }));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const progress = myProgress(a, me.user.id);
  const decided = a.decision;
  const activeVetoes = a.vetoes.filter((v) => !v.cleared).length;
  return (
    <PageContainer
      title={a.unit.name}
      tags={
        <>
          <StatusLevelTag level={a.targetLevel} />
          <KindTag kind={a.kind} />
          <PhaseTag phase={a.phase} />
        </>
      }
      subTitle={`${localized(a.framework.name, language)} · ${formatTerm(a.termStartYear, a.termEndYear)}`}
      backTo="/assessment"
      breadcrumb={[{ title: t('assessment.title'), path: '/assessment' }, { title: a.unit.name }]}
      extra={
        <>
          {a.me.canScore && <SubmitScores assessment={a} />}
          {a.me.canManage && a.phase === 'under_assessment' && (
            <Button icon={<ScheduleOutlined />} onClick={() => navigate('decision')}>
              {t('assessment.decide')}
            </Button>
          )}
          {decided && <Button onClick={() => navigate('decision')}>{t('assessment.viewDecision')}</Button>}
          {decided && decided.outcome !== 'rejection' && (
            <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate(certificateUrl(decided.id))}>
              {t('assessment.viewCertificate')}
            </Button>
          )}
        </>
      }
    >
      {a.phase === 'submitted' && a.me.canManage && (
        <Alert type="info" showIcon title={t('assessment.notUnderAssessment')} />
      )}
      {a.me.isAssessor && a.me.canScore && (
        <Alert type="info" showIcon title={t('assessment.scoredOf', progress)} />
      )}
      {a.me.submittedAt && (
        <Alert
          type="success"
          showIcon
          title={t('assessment.youSubmitted', { at: formatDateTime(a.me.submittedAt) })}
        />
      )}
      {!a.me.isAssessor && !a.me.canManage && !decided && (
        <Alert type="info" showIcon title={t('assessment.notAssessor')} />
      )}
      {activeVetoes > 0 && <Alert type="error" showIcon title={t('assessment.vetoWarning')} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'indicators' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'indicators',
            label: t('assessment.tab_indicators'),
            children: <Indicators assessment={a} userId={me.user.id} />,
          },
          {
            key: 'vetoes',
            label: (
              <Badge count={activeVetoes} size="small" offset={[8, 0]}>
                {t('assessment.tab_vetoes')}
              </Badge>
            ),
            children: <VetoPanel assessment={a} />,
          },
          {
            key: 'assessors',
            label: t('assessment.tab_assessors'),
            children: <AssessorsPanel assessment={a} />,
          },
          {
            key: 'result',
            label: t('assessment.tab_result'),
            children: (
              <ResultPanel
                {...a}
                hiddenText={
                  a.me.isAssessor ? t('assessment.resultPending') : t('assessment.resultAfterDecision')
                }
              />
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
