import { useQuery } from '@tanstack/react-query';
import type { TCompleteness, TFrameworkDetail } from '@wenming/domain';
import { useMemo } from 'react';
import { useTRPC } from '../api/trpc';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';

export interface LedgerMaterial {
  name: string;
  met: boolean;
  evidenceIds: string[];
}

export interface LedgerIndicator {
  id: string;
  code: string;
  name: string;
  criteria: string;
  points: number;
  veto: boolean;
  /** The framework's required materials (台账材料), met or not by what is filed. */
  materials: LedgerMaterial[];
  evidenceCount: number;
  readiness: number;
}

export interface LedgerCategory {
  code: string;
  name: string;
  points: number;
  readiness: number;
  indicators: LedgerIndicator[];
}

/** The framework's tree in the reader's language, each indicator with what is on file for it. */
export function ledgerTree(
  framework: TFrameworkDetail,
  completeness: TCompleteness | undefined,
  language: string,
): LedgerCategory[] {
  const byId = new Map(completeness?.indicators.map((i) => [i.indicatorId, i]));
  return framework.file.categories.map((category) => ({
    code: category.code,
    name: localized(category.name, language),
    points: category.points,
    readiness: completeness?.categories.find((c) => c.code === category.code)?.readiness ?? 0,
    indicators: category.indicators.flatMap((indicator) => {
      const id = framework.indicatorIds[indicator.code];
      if (!id) return [];
      const status = byId.get(id);
      return [
        {
          id,
          code: indicator.code,
          name: localized(indicator.name, language),
          criteria: localized(indicator.criteria, language),
          points: indicator.points,
          veto: indicator.veto,
          materials:
            status?.materials ?? indicator.evidence.map((name) => ({ name, met: false, evidenceIds: [] })),
          evidenceCount: status?.evidenceCount ?? 0,
          readiness: status?.readiness ?? 0,
        },
      ];
    }),
  }));
}

/** A campaign's ledger against its framework: the tree, the readiness figures and the gaps. */
export function useLedger(campaign: { id: string; framework: { id: string } }) {
  const trpc = useTRPC();
  const language = useLanguage();
  const framework = useQuery(trpc.framework.get.queryOptions({ id: campaign.framework.id }));
  const completeness = useQuery(trpc.ledger.completeness.queryOptions({ campaignId: campaign.id }));
  const categories = useMemo(
    () => (framework.data ? ledgerTree(framework.data, completeness.data, language) : []),
    [framework.data, completeness.data, language],
  );
  const indicators = useMemo(() => categories.flatMap((c) => c.indicators), [categories]);
  return {
    categories,
    indicators,
    completeness: completeness.data,
    pending: framework.isPending || completeness.isPending,
    error: framework.error ?? completeness.error,
    refetch: () => {
      void framework.refetch();
      void completeness.refetch();
    },
  };
}

export type Ledger = ReturnType<typeof useLedger>;
