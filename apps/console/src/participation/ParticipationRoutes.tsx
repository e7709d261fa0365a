import { useQuery } from '@tanstack/react-query';
import {
  EmptyState,
  ErrorState,
  LoadingState,
  loadParticipationStrings,
  NotFoundPage,
  Notice,
  PageContainer,
  ParticipationTabs,
  SelectionCards,
  SelectionView,
  SuggestionList,
  useAppAbility,
  useTRPC,
  WriteupList,
} from '@wenming/ui';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';

// The participation pages' strings come with this chunk, not with the console's first load.
loadParticipationStrings();

const BASE = '/participation';

function SuggestionsTab() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  return (
    <ParticipationTabs base={BASE} hint={t('participation.officeHint')}>
      {ability.can('read', 'Suggestion') ? (
        <SuggestionList
          showUnit
          empty={<EmptyState description={t('participation.suggestionsEmptyReadOnly')} />}
        />
      ) : (
        <Notice kind="forbidden" title={t('participation.suggestionsNoAccess')} />
      )}
    </ParticipationTabs>
  );
}

function WriteupsTab() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  return (
    <ParticipationTabs base={BASE} hint={t('participation.officeHint')}>
      {ability.can('read', 'Writeup') ? (
        <WriteupList showUnit empty={<EmptyState description={t('participation.writeupsEmptyReadOnly')} />} />
      ) : (
        <Notice kind="forbidden" title={t('participation.writeupsNoAccess')} />
      )}
    </ParticipationTabs>
  );
}

function SelectionsTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const list = useQuery(trpc.selection.list.queryOptions({}));
  return (
    <ParticipationTabs base={BASE} hint={t('participation.officeHint')}>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Spin style={{ padding: 32 }} />
      ) : list.data.items.length === 0 ? (
        <EmptyState description={t('participation.selectionsEmpty')} />
      ) : (
        <SelectionCards showUnit items={list.data.items} onOpen={(s) => navigate(s.id)} />
      )}
    </ParticipationTabs>
  );
}

/** A unit's selection, read-only: offices watch, units run them. */
function SelectionDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.selection.get.queryOptions({ id }));
  const crumbs = [
    { title: t('participation.title'), path: BASE },
    { title: t('participation.tab_selections'), path: `${BASE}/selections` },
  ];
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <PageContainer
        title={t('participation.tab_selections')}
        breadcrumb={crumbs}
        backTo={`${BASE}/selections`}
      >
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </PageContainer>
    );
  const s = query.data;
  return (
    <PageContainer
      title={s.title}
      subTitle={s.unitName}
      breadcrumb={[...crumbs, { title: s.title }]}
      backTo={`${BASE}/selections`}
    >
      <SelectionView
        selection={s}
        ledgerLink={
          s.evidenceId &&
          s.campaignId && (
            <Link to={`/ledger/campaigns/${s.campaignId}/items/${s.evidenceId}`}>
              {t('participation.openEvidence')}
            </Link>
          )
        }
        emptyNominees={<EmptyState description={t('participation.noNominees')} />}
      />
    </PageContainer>
  );
}

/** 员工参与 across the office's units, read-only. */
export default function ParticipationRoutes() {
  return (
    <Routes>
      <Route index element={<SuggestionsTab />} />
      <Route path="writeups" element={<WriteupsTab />} />
      <Route path="selections" element={<SelectionsTab />} />
      <Route path="selections/:id" element={<SelectionDetail />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
