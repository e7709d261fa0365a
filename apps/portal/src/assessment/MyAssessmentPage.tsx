import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState, PageContainer, useTRPC } from '@wenming/ui';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AssessmentView } from './AssessmentPage';

/**
 * The unit's assessment: the one in progress, else the latest decided. A unit has at most one
 * open campaign, so there is one to work on; earlier ones stay a click away.
 */
export default function MyAssessmentPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.assessment.list.queryOptions({}));
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = [...list.data.items].sort((a, b) => b.termStartYear - a.termStartYear);
  const current = items.find((a) => a.phase !== 'decided') ?? items[0];
  if (!current)
    return (
      <PageContainer title={t('assessment.selfTitle')}>
        <Card>
          <EmptyState
            description={t('assessment.noAssessment')}
            action={
              <Link to="/campaign">
                <Button type="primary">{t('assessment.goCampaign')}</Button>
              </Link>
            }
          />
        </Card>
      </PageContainer>
    );
  const others = items.filter((a) => a.campaignId !== current.campaignId);
  return <AssessmentView campaignId={current.campaignId} others={others} />;
}
