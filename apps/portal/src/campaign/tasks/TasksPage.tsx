import {
  AppstoreOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TCampaign, TTask } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  frameworkIndicators,
  KeysetPager,
  loadWorkStrings,
  PageContainer,
  TaskFilterBar,
  TaskTable,
  taskListInput,
  useCursorStack,
  useLanguage,
  useMe,
  usePhone,
  useTaskFilters,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Segmented } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CampaignGate } from '../CampaignGate';
import { useUnitDepartments } from '../useUnitDepartments';
import { BulkActions } from './BulkActions';
import { GenerateTasksButton } from './GenerateTasksButton';
import { TaskBoard } from './TaskBoard';
import type { TaskFormMode } from './TaskFormModal';
import { TaskStatusSelect } from './TaskStatusSelect';
import { useTaskAbility } from './useTaskAbility';

loadWorkStrings();

const TaskFormModal = lazy(() => import('./TaskFormModal'));

function useView() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'board' ? ('board' as const) : ('table' as const);
  const setView = (next: 'table' | 'board') =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (next === 'board') out.set('view', 'board');
        else out.delete('view');
        return out;
      },
      { replace: true },
    );
  return [view, setView] as const;
}

function Tasks({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const language = useLanguage();
  const phone = usePhone();
  const ability = useTaskAbility(campaign);
  const [view, setView] = useView();
  const { filters, update, clear, filtered } = useTaskFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ mode: TaskFormMode; task?: TTask } | null>(null);
  const { departments } = useUnitDepartments(campaign.unitId);
  const framework = useQuery(trpc.framework.get.queryOptions({ id: campaign.framework.id }));
  const tasks = useQuery({
    ...trpc.task.list.queryOptions(taskListInput(campaign.id, filters, pages.cursor)),
    placeholderData: keepPreviousData,
  });
  const categories = framework.data ? frameworkIndicators(framework.data, language) : [];
  const items = tasks.data?.items ?? [];
  const selected = items.filter((x) => selectedIds.includes(x.id));
  const ownDepartments = me.roles.filter((r) => r.departmentName).map((r) => r.departmentName);

  const renderActions = (task: TTask) => {
    const mode: TaskFormMode | null = ability.canEdit(task)
      ? 'edit'
      : ability.canReport(task)
        ? 'report'
        : null;
    if (!mode) return null;
    return (
      <Button
        size="small"
        type="text"
        icon={<EditOutlined />}
        aria-label={t(mode === 'edit' ? 'task.editOf' : 'task.reportOf', { title: task.title })}
        onClick={(e) => {
          e.stopPropagation();
          setEditing({ mode, task });
        }}
      >
        {phone ? undefined : mode === 'edit' ? t('common.edit') : t('task.report')}
      </Button>
    );
  };

  const empty = filtered ? (
    <EmptyState
      description={t('task.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : ability.canCreate ? (
    <EmptyState
      description={t('task.emptyCreate')}
      action={<GenerateTasksButton campaignId={campaign.id} primary />}
    />
  ) : (
    <EmptyState description={t('task.emptyReadOnly')} />
  );

  return (
    <PageContainer
      title={t('nav.tasks')}
      subTitle={campaign.unitName}
      breadcrumb={[{ title: t('nav.campaign'), path: '/campaign' }, { title: t('nav.tasks') }]}
      extra={
        <>
          {ability.canCreate && <GenerateTasksButton campaignId={campaign.id} />}
          {ability.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              {t('task.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={`/api/download/tasks.xlsx?campaignId=${campaign.id}`}>
            {t('task.exportExcel')}
          </Button>
        </>
      }
    >
      {!ability.canAssign && ability.open && ownDepartments.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('task.headNotice', { departments: ownDepartments.join('、') })}
        />
      )}
      {!ability.open && <Alert type="info" showIcon title={t('task.closedNotice')} />}
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={12}>
          <TaskFilterBar
            filters={filters}
            filtered={filtered}
            onChange={update}
            onClear={clear}
            departments={departments}
            indicators={categories.flatMap((c) => c.indicators)}
            extra={
              <Segmented
                value={view}
                onChange={(v) => setView(v as 'table' | 'board')}
                options={[
                  { value: 'table', icon: <TableOutlined />, label: t('task.viewTable') },
                  { value: 'board', icon: <AppstoreOutlined />, label: t('task.viewBoard') },
                ]}
              />
            }
          />
          {ability.canAssign && view === 'table' && (
            <BulkActions selected={selected} departments={departments} onClear={() => setSelectedIds([])} />
          )}
          {tasks.isError ? (
            <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : view === 'board' && items.length > 0 ? (
            <TaskBoard tasks={items} ability={ability} renderActions={renderActions} />
          ) : (
            <TaskTable
              tasks={items}
              loading={tasks.isFetching}
              empty={empty}
              selectedIds={ability.canAssign ? selectedIds : undefined}
              onSelect={ability.canAssign ? setSelectedIds : undefined}
              renderStatus={(task) => <TaskStatusSelect task={task} allowed={ability.canReport(task)} />}
              renderActions={renderActions}
            />
          )}
          <KeysetPager pages={pages} nextCursor={tasks.data?.nextCursor} busy={tasks.isPlaceholderData} />
        </Flex>
      </Card>
      {editing && (
        <Suspense fallback={null}>
          <TaskFormModal
            campaign={campaign}
            task={editing.task}
            mode={editing.mode}
            categories={categories}
            departments={departments}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
    </PageContainer>
  );
}

export default function TasksPage() {
  const { t } = useTranslation();
  return <CampaignGate title={t('nav.tasks')}>{(campaign) => <Tasks campaign={campaign} />}</CampaignGate>;
}
