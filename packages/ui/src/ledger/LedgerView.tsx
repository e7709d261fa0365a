import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Flex, Row, Segmented, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { KeysetPager, useCursorStack } from '../layout/KeysetPager';
import { useScreen } from '../layout/screens';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { EvidenceFilterBar } from './EvidenceFilterBar';
import { EvidenceTable } from './EvidenceTable';
import { type FilePrefill, GapList, gapCount } from './GapList';
import { IndicatorPanel } from './IndicatorPanel';
import { IndicatorTree } from './IndicatorTree';
import { LedgerSummary } from './LedgerSummary';
import { useLedger } from './useLedger';
import { type LedgerTab, useLedgerFilters } from './useLedgerFilters';

const PAGE = 20;

/**
 * A campaign's ledger: readiness at the top, the framework's tree beside the evidence
 * filed, and what is still missing. Read-only unless `onFile` is given.
 */
export function LedgerView({
  campaign,
  itemPath,
  onFile,
  emptyAction,
}: {
  campaign: { id: string; framework: { id: string } };
  itemPath: (id: string) => string;
  /** Opens the filing form; without it the ledger is read-only. */
  onFile?: (prefill: FilePrefill) => void;
  /** What an empty ledger offers to do (e.g. carry forward from the last term). */
  emptyAction?: ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const wide = useScreen('lg');
  const ledger = useLedger(campaign);
  const { filters, filtered, update, clear, tab, setTab } = useLedgerFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const evidence = useQuery({
    ...trpc.evidence.list.queryOptions({
      campaignId: campaign.id,
      indicatorId: filters.indicatorId,
      kind: filters.kind,
      q: filters.q,
      includeRetracted: filters.includeRetracted,
      cursor: pages.cursor,
      limit: PAGE,
    }),
    placeholderData: keepPreviousData,
  });

  if (ledger.pending) return <LoadingState />;
  if (ledger.error || !ledger.completeness) {
    return <ErrorState error={ledger.error} onRetry={ledger.refetch} />;
  }
  const selected = ledger.indicators.find((i) => i.id === filters.indicatorId);
  const gaps = gapCount(ledger.categories);
  const current: LedgerTab = tab ?? (wide ? 'items' : 'tree');
  const select = (id: string | null) =>
    update({ indicatorId: id ?? undefined }, id && current !== 'items' ? 'items' : undefined);

  const empty = filtered ? (
    <EmptyState
      description={selected && onFile ? t('ledger.empty_indicator') : t('ledger.empty_filtered')}
      action={
        <Flex gap={8} justify="center" wrap>
          {selected && onFile && (
            <Button type="primary" onClick={() => onFile({ indicatorId: selected.id })}>
              {t('ledger.file_for_indicator')}
            </Button>
          )}
          <Button onClick={clear}>{t('common.reset')}</Button>
        </Flex>
      }
    />
  ) : (
    <EmptyState
      description={onFile ? t('ledger.empty_create') : t('ledger.empty_read_only')}
      action={
        onFile && (
          <Flex gap={8} justify="center" wrap>
            <Button type="primary" onClick={() => onFile({})}>
              {t('ledger.file')}
            </Button>
            {emptyAction}
          </Flex>
        )
      }
    />
  );

  const items = (
    <Flex vertical gap={12}>
      {selected && <IndicatorPanel indicator={selected} onClose={() => select(null)} onFile={onFile} />}
      <EvidenceFilterBar
        filters={filters}
        filtered={filtered}
        indicators={ledger.indicators}
        onChange={update}
        onClear={clear}
      />
      {evidence.isError ? (
        <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : (
        <EvidenceTable
          items={evidence.data?.items ?? []}
          loading={evidence.isFetching}
          empty={empty}
          itemPath={itemPath}
        />
      )}
      <KeysetPager pages={pages} nextCursor={evidence.data?.nextCursor} busy={evidence.isPlaceholderData} />
    </Flex>
  );
  const gapList = <GapList categories={ledger.categories} onSelect={(i) => select(i.id)} onFile={onFile} />;
  const gapsLabel = (
    <Flex gap={6} align="center">
      {t('ledger.gaps_title')}
      <Badge count={gaps} overflowCount={999} />
    </Flex>
  );
  const tree = (maxHeight?: string) => (
    <IndicatorTree
      categories={ledger.categories}
      selectedId={filters.indicatorId ?? null}
      onSelect={select}
      maxHeight={maxHeight}
    />
  );

  return (
    <Flex vertical gap={wide ? 16 : 12}>
      <LedgerSummary completeness={ledger.completeness} gapCount={gaps} onShowGaps={() => setTab('gaps')} />
      {wide ? (
        <Row gutter={16} align="top">
          <Col span={9} style={{ position: 'sticky', top: 72 }}>
            {tree('calc(100vh - 150px)')}
          </Col>
          <Col span={15}>
            <Card styles={{ body: { paddingTop: 4 } }}>
              <Tabs
                activeKey={current === 'gaps' ? 'gaps' : 'items'}
                onChange={(key) => setTab(key as LedgerTab)}
                items={[
                  { key: 'items', label: t('ledger.items_tab'), children: items },
                  { key: 'gaps', label: gapsLabel, children: gapList },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : (
        <>
          <Segmented
            block
            value={current}
            onChange={(value) => setTab(value as LedgerTab)}
            options={[
              { value: 'tree', label: t('ledger.tree_tab') },
              { value: 'items', label: t('ledger.items_tab') },
              { value: 'gaps', label: gapsLabel },
            ]}
          />
          {current === 'tree' && tree()}
          {current === 'items' && <Card styles={{ body: { padding: 12 } }}>{items}</Card>}
          {current === 'gaps' && <Card styles={{ body: { padding: 12 } }}>{gapList}</Card>}
        </>
      )}
    </Flex>
  );
}
