import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, InspectionTable, PageContainer, usePhone, useTRPC } from '@wenming/ui';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

/** 督查记录: inspections of the unit it may see (an unannounced one only once completed). */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const inspections = useQuery(trpc.inspection.list.queryOptions({}));
  return (
    <PageContainer
      title={t('supervision.unitInspections')}
      subTitle={phone ? undefined : t('supervision.unitInspectionsHint')}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        {inspections.isError ? (
          <ErrorState error={inspections.error} onRetry={() => void inspections.refetch()} />
        ) : (
          <InspectionTable
            items={inspections.data?.items}
            loading={inspections.isFetching}
            counts={false}
            empty={<EmptyState description={t('supervision.unitInspectionsEmpty')} />}
          />
        )}
      </Card>
    </PageContainer>
  );
}
