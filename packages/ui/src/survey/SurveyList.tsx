import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZSurveyStatus } from '@wenming/domain';
import { Button, Card, Flex, Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useTRPC } from '../api/trpc';
import { KeysetPager, useCursorStack } from '../layout/KeysetPager';
import { PageContainer } from '../layout/PageContainer';
import { usePhone } from '../layout/screens';
import { EmptyState, ErrorState } from '../layout/states';
import type { SurveyStatus, TSurveySummary } from './model';
import { SurveyTable } from './SurveyTable';

/**
 * The surveys the caller may read (one unit's, or an office's and its units'), filtered by
 * status in the address, newest first; `canCreate` adds the way to a new one.
 */
export function SurveyList({
  unitId,
  canCreate,
  hint,
  owner,
  showTargets,
}: {
  unitId?: string;
  canCreate: boolean;
  hint?: string;
  owner?: (survey: TSurveySummary) => ReactNode;
  showTargets?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const status = ZSurveyStatus.options.find((s) => s === params.get('status'));
  const pages = useCursorStack(status ?? '');
  const surveys = useQuery({
    ...trpc.survey.list.queryOptions({ unitId, status, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const create = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
      {t('survey.new')}
    </Button>
  );
  const empty = status ? (
    <EmptyState
      description={t('survey.emptyFiltered')}
      action={<Button onClick={() => setParams({}, { replace: true })}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyState description={canCreate ? t('survey.emptyCanCreate') : t('survey.empty')} action={create} />
  );

  return (
    <PageContainer title={t('survey.title')} subTitle={phone ? undefined : hint} extra={create}>
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Segmented<SurveyStatus | 'all'>
            value={status ?? 'all'}
            onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
            options={[
              { value: 'all', label: t('survey.allStatuses') },
              ...ZSurveyStatus.options.map((s) => ({ value: s, label: t(`survey.status_${s}`) })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {surveys.isError ? (
            <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />
          ) : (
            <>
              <SurveyTable
                items={surveys.data?.items}
                loading={surveys.isFetching}
                empty={empty}
                owner={owner}
                showTargets={showTargets}
              />
              <KeysetPager
                pages={pages}
                nextCursor={surveys.data?.nextCursor}
                busy={surveys.isPlaceholderData}
              />
            </>
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
