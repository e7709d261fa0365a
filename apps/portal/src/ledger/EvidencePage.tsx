import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TCampaign } from '@wenming/domain';
import {
  ErrorState,
  EvidenceDetail,
  EvidenceKindTag,
  LoadingState,
  PageContainer,
  RetractedTag,
  useLedger,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CampaignGate } from '../campaign/CampaignGate';
import { useUnitDepartments } from '../campaign/useUnitDepartments';
import { RetractModal } from './RetractModal';
import { useEvidenceAbility } from './useEvidenceAbility';

const EvidenceFormDrawer = lazy(() => import('./EvidenceFormDrawer'));

function EvidenceItem({ campaign, id }: { campaign: TCampaign; id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const ability = useEvidenceAbility(campaign);
  const ledger = useLedger(campaign);
  const { departments } = useUnitDepartments(campaign.unitId);
  const item = useQuery(trpc.evidence.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<'revise' | 'retract' | null>(null);
  const crumbs = [
    { title: t('ledger.title'), path: '/ledger' },
    { title: item.data?.title ?? t('ledger.item') },
  ];
  if (item.isPending) return <LoadingState />;
  if (item.isError) {
    return (
      <PageContainer title={t('ledger.item')} breadcrumb={crumbs} backTo="/ledger">
        <ErrorState error={item.error} onRetry={() => void item.refetch()} />
      </PageContainer>
    );
  }
  const evidence = item.data;
  const changeable = evidence.campaignId === campaign.id && ability.canChange(evidence);
  return (
    <PageContainer
      title={evidence.title}
      tags={
        <>
          <EvidenceKindTag kind={evidence.kind} />
          {evidence.retracted && <RetractedTag />}
        </>
      }
      breadcrumb={crumbs}
      backTo="/ledger"
      extra={
        changeable && (
          <>
            <Button icon={<EditOutlined />} onClick={() => setDialog('revise')}>
              {t('ledger.revise')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => setDialog('retract')}>
              {phone ? t('ledger.retract_short') : t('ledger.retract')}
            </Button>
          </>
        )
      }
    >
      <EvidenceDetail item={evidence} />
      {dialog === 'revise' && (
        <Suspense fallback={null}>
          <EvidenceFormDrawer
            campaign={campaign}
            categories={ledger.categories}
            indicators={ledger.indicators}
            departments={departments}
            ability={ability}
            item={evidence}
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
      {dialog === 'retract' && <RetractModal item={evidence} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

export default function EvidencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <CampaignGate title={t('ledger.item')}>
      {(campaign) => <EvidenceItem campaign={campaign} id={id} />}
    </CampaignGate>
  );
}
