import { useQuery } from '@tanstack/react-query';
import { Certificate, ErrorState, LoadingState, PageContainer, useTRPC } from '@wenming/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/** The print-ready certificate of one decision. */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const decision = useQuery(trpc.decision.get.queryOptions({ id }));
  if (decision.isPending) return <LoadingState />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />;
  const d = decision.data;
  return (
    <PageContainer
      title={t('assessment.certificate')}
      subTitle={d.unitName}
      backTo={`/assessment/${d.campaignId}`}
      breadcrumb={[
        { title: t('assessment.title'), path: '/assessment' },
        { title: d.unitName, path: `/assessment/${d.campaignId}` },
        { title: t('assessment.certificate') },
      ]}
    >
      <Certificate decision={d} />
    </PageContainer>
  );
}
