import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../api/trpc';
import { ErrorState } from '../layout/states';
import { formatDate, formatTerm } from '../status/format';
import { certificateUrl } from './model';
import { OutcomeTag } from './tags';

/** A unit's decisions (conferral, renewal, rejection), each with its certificate; on both SPAs' status pages. */
export function UnitDecisions({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const decisions = useQuery(trpc.decision.list.queryOptions({ unitId }));
  return (
    <Card size="small" title={t('assessment.decisions')}>
      {decisions.isError ? (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : (
        <List
          loading={decisions.isPending}
          dataSource={decisions.data?.items ?? []}
          locale={{ emptyText: t('assessment.decisionsEmpty') }}
          renderItem={(d) => (
            <List.Item
              actions={
                d.outcome === 'rejection'
                  ? []
                  : [
                      <Link key="cert" to={certificateUrl(d.id)}>
                        {t('assessment.certificate')}
                      </Link>,
                    ]
              }
            >
              <Flex vertical gap={2}>
                <Flex gap={8} align="center" wrap>
                  <OutcomeTag outcome={d.outcome} />
                  <Link to={`/assessment/${d.campaignId}`}>{d.decisionNo}</Link>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(d.decidedOn)}
                  {d.termStartYear !== null && ` · ${formatTerm(d.termStartYear, d.termEndYear)}`}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
