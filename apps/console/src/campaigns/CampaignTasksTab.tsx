import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TCampaign } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  frameworkIndicators,
  KeysetPager,
  loadWorkStrings,
  TaskFilterBar,
  TaskTable,
  taskListInput,
  useCursorStack,
  useLanguage,
  useTaskFilters,
  useTRPC,
} from '@wenming/ui';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

/** The unit's tasks as the office sees them: read-only, filterable, exportable. */
export function CampaignTasksTab({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const language = useLanguage();
  const { filters, update, clear, filtered } = useTaskFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const unit = useQuery(trpc.unit.get.queryOptions({ id: campaign.unitId }));
  const framework = useQuery(trpc.framework.get.queryOptions({ id: campaign.framework.id }));
  const tasks = useQuery({
    ...trpc.task.list.queryOptions(taskListInput(campaign.id, filters, pages.cursor)),
    placeholderData: keepPreviousData,
  });
  const indicators = framework.data
    ? frameworkIndicators(framework.data, language).flatMap((c) => c.indicators)
    : undefined;

  return (
    <Flex vertical gap={12}>
      <TaskFilterBar
        filters={filters}
        filtered={filtered}
        onChange={update}
        onClear={clear}
        departments={unit.data?.departments ?? []}
        indicators={indicators}
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/download/tasks.xlsx?campaignId=${campaign.id}`}>
            {t('task.exportExcel')}
          </Button>
        }
      />
      {tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <>
          <TaskTable
            tasks={tasks.data?.items ?? []}
            loading={tasks.isFetching}
            empty={
              filtered ? (
                <EmptyState
                  description={t('task.emptyFiltered')}
                  action={<Button onClick={clear}>{t('common.reset')}</Button>}
                />
              ) : (
                <EmptyState description={t('task.emptyOffice')} />
              )
            }
          />
          <KeysetPager pages={pages} nextCursor={tasks.data?.nextCursor} busy={tasks.isPlaceholderData} />
        </>
      )}
    </Flex>
  );
}
