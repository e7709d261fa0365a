import { useQuery } from '@tanstack/react-query';
import type { TCampaign } from '@wenming/domain';
import {
  apiErrorInfo,
  CampaignFacts,
  CampaignRollups,
  ErrorState,
  LatestNotice,
  LeadingGroupTable,
  LoadingState,
  loadWorkStrings,
  NextStepButtons,
  PageContainer,
  PhaseSteps,
  PhaseTag,
  TransitionHistory,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Col, Divider, Flex, Row, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CampaignTasksTab } from './CampaignTasksTab';

loadWorkStrings();

const TABS = ['overview', 'organization', 'tasks', 'history'] as const;

function PlanText({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? (
    <Typography.Paragraph
      style={{ whiteSpace: 'pre-wrap', margin: 0 }}
      ellipsis={{ rows: 12, expandable: 'collapsible' }}
    >
      {text}
    </Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{empty}</Typography.Text>
  );
}

function Organization({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const size = usePhone() ? ('small' as const) : undefined;
  return (
    <Flex vertical gap={16}>
      <Card title={t('campaign.leadingGroup')} size={size}>
        <LeadingGroupTable
          members={campaign.leadingGroup}
          emptyHint={t('campaign.leadingGroupEmptyOffice')}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('campaign.plan')} size={size} style={{ height: '100%' }}>
            <PlanText text={campaign.plan} empty={t('campaign.planEmptyOffice')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('campaign.implementationPlan')} size={size} style={{ height: '100%' }}>
            <PlanText text={campaign.implementationPlan} empty={t('campaign.planEmptyOffice')} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** One unit's campaign as the office sees it; office admins also take the office's steps here. */
export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const phone = usePhone();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const campaign = useQuery(trpc.campaign.get.queryOptions({ id }));
  const crumbs = [{ title: t('campaign.list'), path: '/campaigns' }];
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'overview';

  if (campaign.isPending) return <LoadingState />;
  if (campaign.isError) {
    const missing = ['NOT_FOUND', 'BAD_REQUEST'].includes(apiErrorInfo(campaign.error).appCode);
    return (
      <PageContainer title={t('campaign.list')} breadcrumb={crumbs} backTo="/campaigns">
        <ErrorState
          error={campaign.error}
          title={missing ? t('campaign.notFound') : undefined}
          onRetry={missing ? undefined : () => void campaign.refetch()}
          extra={<Button onClick={() => navigate('/campaigns')}>{t('campaign.backToList')}</Button>}
        />
      </PageContainer>
    );
  }

  const data = campaign.data;
  const size = phone ? ('small' as const) : undefined;
  const office = data.nextSteps.length > 0;
  return (
    <PageContainer
      title={data.unitName}
      tags={<PhaseTag phase={data.phase} />}
      subTitle={t('campaign.titleLine', {
        kind: t(`campaignKind.${data.kind}`),
        level: t(`level.${data.targetLevel}`),
      })}
      breadcrumb={[...crumbs, { title: data.unitName }]}
      backTo="/campaigns"
    >
      <LatestNotice campaign={data} />
      <Card size={size}>
        <PhaseSteps campaign={data} />
        {office && (
          <>
            <Divider style={{ marginBlock: 16 }} />
            <Flex vertical gap={8}>
              <Typography.Text strong>{t('campaign.officeSteps')}</Typography.Text>
              <NextStepButtons campaign={data} />
            </Flex>
          </>
        )}
      </Card>
      <Card size={size} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'overview',
              label: t('campaign.tabOverview'),
              children: (
                <Flex vertical gap={16}>
                  <CampaignFacts
                    campaign={data}
                    unitLink={(name) => <Link to={`/units/${data.unitId}`}>{name}</Link>}
                    frameworkLink={(name) => <Link to={`/frameworks/${data.framework.id}`}>{name}</Link>}
                  />
                  <CampaignRollups campaignId={data.id} />
                </Flex>
              ),
            },
            {
              key: 'organization',
              label: t('campaign.tabOrganization'),
              children: <Organization campaign={data} />,
            },
            { key: 'tasks', label: t('campaign.tabTasks'), children: <CampaignTasksTab campaign={data} /> },
            {
              key: 'history',
              label: t('campaign.tabHistory'),
              children: <TransitionHistory transitions={data.transitions} />,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
