import { CalendarOutlined, PlusOutlined, RetweetOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TCampaign } from '@wenming/domain';
import {
  ArchiveExportButton,
  type FilePrefill,
  LedgerView,
  PageContainer,
  useLedger,
  useMe,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CampaignGate } from '../campaign/CampaignGate';
import { useUnitDepartments } from '../campaign/useUnitDepartments';
import { useEvidenceAbility } from './useEvidenceAbility';

const EvidenceFormDrawer = lazy(() => import('./EvidenceFormDrawer'));

function Ledger({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const me = useMe();
  const phone = usePhone();
  const ability = useEvidenceAbility(campaign);
  const ledger = useLedger(campaign);
  const { departments } = useUnitDepartments(campaign.unitId);
  const [filing, setFiling] = useState<FilePrefill | null>(null);
  const canFile = ability.canFile(departments.map((d) => d.id));
  // Next term only where there was a term before, and worth offering while something is left to carry.
  const terms = useQuery(trpc.ledger.termComparison.queryOptions({ campaignId: campaign.id }));
  const hasPrevious = Boolean(terms.data?.previousCampaignId);
  const toCarry = ability.canCarryForward && Boolean(terms.data?.candidates.some((c) => !c.carried));
  const ownDepartments = me.roles.filter((r) => r.role === 'unit_department_head' && r.departmentName);

  return (
    <PageContainer
      title={t('ledger.title')}
      subTitle={phone ? undefined : campaign.unitName}
      breadcrumb={[{ title: t('nav.campaign'), path: '/campaign' }, { title: t('ledger.title') }]}
      extra={
        <>
          {canFile && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling({})}>
              {t('ledger.file')}
            </Button>
          )}
          <ArchiveExportButton campaignId={campaign.id} />
          <Button icon={<CalendarOutlined />} onClick={() => navigate('/ledger/duties')}>
            {t('ledger.duties')}
          </Button>
          {hasPrevious && (
            <Button icon={<RetweetOutlined />} onClick={() => navigate('/ledger/carry-forward')}>
              {t('ledger.carry_forward')}
            </Button>
          )}
        </>
      }
    >
      {!ability.open && <Alert type="info" showIcon title={t('ledger.closed_notice')} />}
      {ability.open && ownDepartments.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('ledger.head_notice', {
            departments: ownDepartments.map((r) => r.departmentName).join('、'),
          })}
        />
      )}
      <LedgerView
        campaign={campaign}
        itemPath={(id) => `/ledger/items/${id}`}
        onFile={canFile ? setFiling : undefined}
        emptyAction={
          toCarry && (
            <Button onClick={() => navigate('/ledger/carry-forward')}>{t('ledger.carry_forward')}</Button>
          )
        }
      />
      {filing && (
        <Suspense fallback={null}>
          <EvidenceFormDrawer
            campaign={campaign}
            categories={ledger.categories}
            indicators={ledger.indicators}
            departments={departments}
            ability={ability}
            prefill={filing}
            onClose={() => setFiling(null)}
          />
        </Suspense>
      )}
    </PageContainer>
  );
}

export default function LedgerPage() {
  const { t } = useTranslation();
  return (
    <CampaignGate title={t('ledger.title')}>{(campaign) => <Ledger campaign={campaign} />}</CampaignGate>
  );
}
