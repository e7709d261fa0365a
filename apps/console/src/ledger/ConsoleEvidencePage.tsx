import { useQuery } from '@tanstack/react-query';
import {
  ErrorState,
  EvidenceDetail,
  EvidenceKindTag,
  LoadingState,
  PageContainer,
  RetractedTag,
  useTRPC,
} from '@wenming/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/** An evidence item read by the office: content, files and its tamper-evident history. */
export default function ConsoleEvidencePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { campaignId = '', id = '' } = useParams();
  const item = useQuery(trpc.evidence.get.queryOptions({ id }));
  const back = `/ledger/campaigns/${campaignId}`;
  const crumbs = [
    { title: t('ledger.overview_title'), path: '/ledger' },
    { title: t('ledger.title'), path: back },
    { title: item.data?.title ?? t('ledger.item') },
  ];
  if (item.isPending) return <LoadingState />;
  if (item.isError) {
    return (
      <PageContainer title={t('ledger.item')} breadcrumb={crumbs} backTo={back}>
        <ErrorState error={item.error} onRetry={() => void item.refetch()} />
      </PageContainer>
    );
  }
  return (
    <PageContainer
      title={item.data.title}
      tags={
        <>
          <EvidenceKindTag kind={item.data.kind} />
          {item.data.retracted && <RetractedTag />}
        </>
      }
      breadcrumb={crumbs}
      backTo={back}
    >
      <EvidenceDetail item={item.data} />
    </PageContainer>
  );
}
