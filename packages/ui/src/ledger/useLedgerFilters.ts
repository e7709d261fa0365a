import { EVIDENCE_KINDS, type EvidenceKind } from '@wenming/domain';
import { useSearchParams } from 'react-router';

export interface LedgerFilters {
  indicatorId?: string;
  kind?: EvidenceKind;
  q?: string;
  includeRetracted: boolean;
}

export type LedgerTab = 'tree' | 'items' | 'gaps';

/**
 * The ledger's filters live in the address, so going to an item and back, or sharing the
 * link, keeps the chosen indicator and search.
 */
export function useLedgerFilters() {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const filters: LedgerFilters = {
    indicatorId: params.get('indicator') ?? undefined,
    kind: EVIDENCE_KINDS.includes(kind as EvidenceKind) ? (kind as EvidenceKind) : undefined,
    q: params.get('q') ?? undefined,
    includeRetracted: params.get('retracted') === '1',
  };
  const tab = (['tree', 'items', 'gaps'] as const).find((x) => x === params.get('tab'));
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) out.set(key, value);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  return {
    filters,
    tab,
    filtered: Boolean(filters.indicatorId || filters.kind || filters.q || filters.includeRetracted),
    setTab: (next: LedgerTab) => set({ tab: next }),
    /** One change of the address: two in a row would each start from the same old one. */
    update: (next: Partial<LedgerFilters>, tab?: LedgerTab) =>
      set({
        ...(tab ? { tab } : {}),
        ...('indicatorId' in next ? { indicator: next.indicatorId } : {}),
        ...('kind' in next ? { kind: next.kind } : {}),
        ...('q' in next ? { q: next.q?.trim() || undefined } : {}),
        ...('includeRetracted' in next ? { retracted: next.includeRetracted ? '1' : undefined } : {}),
      }),
    clear: () => set({ indicator: undefined, kind: undefined, q: undefined, retracted: undefined }),
  };
}
