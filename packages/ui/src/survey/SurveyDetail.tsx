import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Modal, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { apiErrorInfo, useErrorMessage } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useToast } from '../app/feedback';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';
import { PageContainer } from '../layout/PageContainer';
import { usePhone } from '../layout/screens';
import { ErrorState, LoadingState } from '../layout/states';
import { useAppAbility } from '../session/session';
import { surveySubject, type TSurvey } from './model';
import { QuestionsPreview } from './QuestionsPreview';
import { SurveyLinks } from './SurveyLinks';
import { SurveyResults } from './SurveyResults';
import { SurveyStatusTag, surveyPhase } from './SurveyStatusTag';

const TABS = ['results', 'links', 'questions'] as const;
type Tab = (typeof TABS)[number];

/** Opening starts collecting at the links; closing stops it for good. Both are confirmed first. */
function StatusButton({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [asking, setAsking] = useState(false);
  const opening = survey.status === 'draft';
  const onSuccess = (updated: TSurvey) => {
    queryClient.setQueryData(trpc.survey.get.queryKey({ id: updated.id }), updated);
    void queryClient.invalidateQueries(trpc.survey.list.pathFilter());
    toast.success(opening ? t('survey.openedToast') : t('survey.closedToast'));
    setAsking(false);
  };
  const onError = (error: unknown) => {
    // Someone else changed it meanwhile: show what it is now.
    if (apiErrorInfo(error).appCode === 'CONFLICT')
      void queryClient.invalidateQueries(trpc.survey.get.queryFilter({ id: survey.id }));
  };
  const open = useMutation(trpc.survey.open.mutationOptions({ onSuccess, onError }));
  const close = useMutation(trpc.survey.close.mutationOptions({ onSuccess, onError }));
  const action = opening ? open : close;
  if (survey.status === 'closed') return null;
  return (
    <>
      <Button
        type={opening ? 'primary' : 'default'}
        danger={!opening}
        icon={opening ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
        onClick={() => {
          action.reset();
          setAsking(true);
        }}
      >
        {opening ? t('survey.open') : t('survey.close')}
      </Button>
      <Modal
        open={asking}
        title={opening ? t('survey.openConfirmTitle') : t('survey.closeConfirmTitle')}
        okText={opening ? t('survey.open') : t('survey.close')}
        okButtonProps={{ danger: !opening }}
        confirmLoading={action.isPending}
        onOk={() => action.mutate({ id: survey.id })}
        onCancel={() => setAsking(false)}
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {opening
              ? t('survey.openConfirm', { from: survey.opensOn, to: survey.closesOn })
              : t('survey.closeConfirm', { n: survey.responses })}
          </Typography.Paragraph>
          {action.isError && <Alert type="error" showIcon title={errorMessage(action.error)} />}
        </Flex>
      </Modal>
    </>
  );
}

/** Where the survey stands for respondents, when that needs saying. */
function PhaseNotice({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation();
  const phase = surveyPhase(survey);
  if (phase === 'draft') return <Alert type="info" showIcon title={t('survey.draftNotice')} />;
  if (phase === 'scheduled')
    return <Alert type="info" showIcon title={t('survey.scheduledNotice', { date: survey.opensOn })} />;
  if (phase === 'expired')
    return <Alert type="warning" showIcon title={t('survey.expiredNotice', { date: survey.closesOn })} />;
  return null;
}

/**
 * One survey: its results, its links (QR codes, posters) and its questionnaire; open and
 * close for those who may. Shared by the portal (a unit's own surveys) and the console.
 */
export function SurveyDetail({ id, listPath }: { id: string; listPath: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const language = useLanguage();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const survey = useQuery(trpc.survey.get.queryOptions({ id }));
  const crumbs = [{ title: t('survey.title'), path: listPath }];

  if (survey.isPending) return <LoadingState />;
  if (survey.isError) {
    const missing = ['NOT_FOUND', 'BAD_REQUEST'].includes(apiErrorInfo(survey.error).appCode);
    return (
      <PageContainer title={t('survey.title')} breadcrumb={crumbs} backTo={listPath}>
        <ErrorState
          error={survey.error}
          title={missing ? t('survey.notFound') : undefined}
          onRetry={missing ? undefined : () => void survey.refetch()}
          extra={<Button onClick={() => navigate(listPath)}>{t('survey.backToList')}</Button>}
        />
      </PageContainer>
    );
  }

  const data = survey.data;
  const title = localized(data.title, language);
  const canChange = ability.can('update', surveySubject(data));
  const fallbackTab: Tab = data.status === 'draft' ? 'links' : 'results';
  const tab = TABS.find((k) => k === params.get('tab')) ?? fallbackTab;
  const unitId = params.get('unit') ?? undefined;
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const facts = [
    t(`survey.audience_${data.audience}`),
    t('survey.period', { from: data.opensOn, to: data.closesOn }),
    data.links.length > 1 ? t('survey.unitCount', { count: data.links.length }) : data.links[0]?.unitName,
  ].filter(Boolean);

  return (
    <PageContainer
      title={title}
      tags={<SurveyStatusTag survey={data} />}
      breadcrumb={[...crumbs, { title }]}
      backTo={listPath}
      extra={canChange && <StatusButton survey={data} />}
    >
      <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text>
      <PhaseNotice survey={data} />
      <Card size={phone ? 'small' : undefined} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key)}
          items={[
            {
              key: 'results',
              label: t('survey.tabResults', { n: data.responses }),
              children: (
                <SurveyResults survey={data} unitId={unitId} onUnitChange={(u) => setParam('unit', u)} />
              ),
            },
            {
              key: 'links',
              label: data.links.length > 1 ? t('survey.tabLinksMany') : t('survey.tabLinks'),
              children: <SurveyLinks survey={data} />,
            },
            {
              key: 'questions',
              label: t('survey.tabQuestions', { n: data.questions.length }),
              children: (
                <Flex vertical gap={12}>
                  {data.description && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {localized({ zh: data.description, en: data.descriptionEn }, language)}
                    </Typography.Paragraph>
                  )}
                  {data.indicatorCodes.length > 0 && (
                    <Flex gap={6} wrap align="center">
                      <Typography.Text type="secondary">{t('survey.indicators')}:</Typography.Text>
                      {data.indicatorCodes.map((code) => (
                        <Tag key={code}>{code}</Tag>
                      ))}
                    </Flex>
                  )}
                  <QuestionsPreview questions={data.questions} />
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
