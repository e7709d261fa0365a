import { subject } from '@casl/ability';
import type { TSelection, TSuggestion, TWriteup } from '@wenming/domain';

export type { TSelection, TSuggestion, TWriteup };

/** Participation records as CASL sees them: the unit they belong to decides who may act. */
export function participationSubject(
  kind: 'Suggestion' | 'Writeup' | 'Selection',
  unitId: string | null | undefined,
) {
  return subject(kind, { unit_id: unitId ?? '' });
}

export function writeupsXlsxUrl(campaignId: string): string {
  return `/api/download/writeups.xlsx?campaignId=${encodeURIComponent(campaignId)}`;
}

export const SUGGESTION_COLORS: Record<TSuggestion['status'], string | undefined> = {
  open: 'gold',
  adopted: 'green',
  noted: 'blue',
  declined: 'default',
};

export const SELECTION_COLORS: Record<TSelection['status'], string | undefined> = {
  nominating: 'blue',
  voting: 'gold',
  published: 'green',
};
