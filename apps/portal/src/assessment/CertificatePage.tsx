import { useQuery } from '@tanstack/react-query';
import { Certificate, ErrorState, LoadingState, PageContainer, useTRPC } from '@wenming/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/** The unit's own certificate, to print. */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const decision = useQuery(trpc.decision.get.queryOptions({ id }));
  if (decision.isPending) return <LoadingState />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />;
  return (
    <PageContainer title={t('assessment.certificate')} subTitle={decision.data.unitName} backTo="/status">
      <Certificate decision={decision.data} />
    </PageContainer>
  );
}
