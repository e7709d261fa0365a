import type { TCampaign } from '@wenming/domain';
import {
  campaignSubject,
  LeadingGroupTable,
  loadWorkStrings,
  PageContainer,
  useAppAbility,
  usePhone,
} from '@wenming/ui';
import { Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CampaignGate } from '../CampaignGate';
import { useUnitDepartments } from '../useUnitDepartments';
import { LeadingGroupEditor } from './LeadingGroupEditor';
import { LeadingGroupHistory } from './LeadingGroupHistory';

loadWorkStrings();

function LeadingGroup({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const ability = useAppAbility();
  const phone = usePhone();
  const size = phone ? ('small' as const) : undefined;
  const { departments, pending } = useUnitDepartments(campaign.unitId);
  const closed = campaign.phase === 'decided' || campaign.phase === 'withdrawn';
  const canEdit = !closed && ability.can('update', campaignSubject(campaign), 'leading_group');
  return (
    <PageContainer
      title={t('nav.leadingGroup')}
      subTitle={campaign.unitName}
      breadcrumb={[{ title: t('nav.campaign'), path: '/campaign' }, { title: t('nav.leadingGroup') }]}
    >
      <Card title={t('campaign.currentGroup')} size={size}>
        <Typography.Paragraph type="secondary">
          {canEdit ? t('campaign.leadingGroupHint') : t('campaign.leadingGroupReadOnly')}
        </Typography.Paragraph>
        {!canEdit ? (
          <LeadingGroupTable members={campaign.leadingGroup} />
        ) : pending ? (
          <Skeleton active />
        ) : (
          <LeadingGroupEditor campaign={campaign} departments={departments} />
        )}
      </Card>
      <Card title={t('campaign.groupHistory')} size={size}>
        <LeadingGroupHistory campaignId={campaign.id} />
      </Card>
    </PageContainer>
  );
}

export default function LeadingGroupPage() {
  const { t } = useTranslation();
  return (
    <CampaignGate title={t('nav.leadingGroup')}>
      {(campaign) => <LeadingGroup campaign={campaign} />}
    </CampaignGate>
  );
}
