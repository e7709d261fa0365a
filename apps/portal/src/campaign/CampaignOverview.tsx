import { ApartmentOutlined, FileTextOutlined, OrderedListOutlined, RightOutlined } from '@ant-design/icons';
import type { TCampaign } from '@wenming/domain';
import {
  CampaignFacts,
  CampaignRollups,
  type FixLinks,
  LatestNotice,
  loadWorkStrings,
  NextStepButtons,
  PhaseSteps,
  TransitionHistory,
  usePhone,
} from '@wenming/ui';
import { Button, Card, Col, Divider, Flex, Row, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

loadWorkStrings();

/** Where each missing piece is made. */
const FIX_LINKS: FixLinks = {
  NEEDS_LEADING_GROUP: '/campaign/leading-group',
  NEEDS_PLAN: '/campaign/plans',
  NEEDS_IMPLEMENTATION_PLAN: '/campaign/plans',
  NEEDS_TASKS: '/campaign/tasks',
  REQUIRED_TASKS_OPEN: '/campaign/tasks',
};

function Shortcut({ to, icon, title, value }: { to: string; icon: ReactNode; title: string; value: string }) {
  const { token } = theme.useToken();
  return (
    <Link to={to} style={{ display: 'block', color: 'inherit' }}>
      <Card size="small" hoverable>
        <Flex align="center" gap={12}>
          <span style={{ fontSize: 22, color: token.colorPrimary }}>{icon}</span>
          <Flex vertical style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <Typography.Text type="secondary" ellipsis>
              {value}
            </Typography.Text>
          </Flex>
          <RightOutlined style={{ color: token.colorTextTertiary }} />
        </Flex>
      </Card>
    </Link>
  );
}

/** The unit's campaign at a glance: where it stands, what to do next, how far the tasks are. */
export function CampaignOverview({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const size = phone ? ('small' as const) : undefined;
  const leader = campaign.leadingGroup.find((m) => m.role === 'leader');
  const closed = campaign.phase === 'decided' || campaign.phase === 'withdrawn';
  const planDone = [campaign.plan, campaign.implementationPlan].filter((p) => p.trim()).length;

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <LatestNotice campaign={campaign} />
      <Card size={size}>
        <PhaseSteps campaign={campaign} />
        {campaign.nextSteps.length > 0 && (
          <>
            <Divider style={{ marginBlock: 16 }} />
            <Flex vertical gap={8}>
              <Typography.Text strong>{t('campaign.nextSteps')}</Typography.Text>
              <NextStepButtons campaign={campaign} fixLinks={FIX_LINKS} />
            </Flex>
          </>
        )}
        {campaign.nextSteps.length === 0 && !closed && (
          <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0' }}>
            {campaign.phase === 'submitted' || campaign.phase === 'under_assessment'
              ? t('campaign.waitingForOffice')
              : t('campaign.campaignOfficeMoves')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Shortcut
            to="/campaign/leading-group"
            icon={<ApartmentOutlined />}
            title={t('nav.leadingGroup')}
            value={
              campaign.leadingGroup.length === 0
                ? t('campaign.shortcutNoGroup')
                : t('campaign.shortcutGroup', {
                    n: campaign.leadingGroup.length,
                    leader: leader?.name ?? t('common.none'),
                  })
            }
          />
        </Col>
        <Col xs={24} md={8}>
          <Shortcut
            to="/campaign/plans"
            icon={<FileTextOutlined />}
            title={t('nav.plans')}
            value={t('campaign.shortcutPlans', { n: planDone })}
          />
        </Col>
        <Col xs={24} md={8}>
          <Shortcut
            to="/campaign/tasks"
            icon={<OrderedListOutlined />}
            title={t('nav.tasks')}
            value={t('campaign.shortcutTasks', {
              done: campaign.progress.done,
              tasks: campaign.progress.tasks,
            })}
          />
        </Col>
      </Row>
      <Card title={t('campaign.facts')} size={size}>
        <CampaignFacts campaign={campaign} />
      </Card>
      <CampaignRollups
        campaignId={campaign.id}
        gapsAction={
          closed ? undefined : (
            <Button size="small" onClick={() => navigate('/campaign/tasks')}>
              {t('campaign.goTasks')}
            </Button>
          )
        }
      />
      <Card title={t('campaign.history')} size={size}>
        <TransitionHistory transitions={campaign.transitions} />
      </Card>
    </Flex>
  );
}
