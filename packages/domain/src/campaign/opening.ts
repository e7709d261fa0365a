import { isUpgrade, type StatusLevel, upgradeTargets } from '../status/levels';

export type CampaignKind = 'renewal' | 'upgrade';

export type OpeningProblem =
  | { code: 'UPGRADE_NOT_NEXT_LEVEL'; allowed: StatusLevel[] }
  | { code: 'RENEWAL_CHANGES_LEVEL'; current: StatusLevel }
  | { code: 'NOTHING_TO_RENEW' }
  | { code: 'TERM_INVALID' }
  | { code: 'CAMPAIGN_ALREADY_OPEN' };

export const MAX_TERM_YEARS = 6;

/**
 * May a unit at `current` open a campaign of `kind` towards `target` for the given term?
 * Upgrade: only to the next level (city_model is an optional step). Renewal (再创/复查):
 * the same level, which the unit must hold. One open campaign per unit.
 */
export function checkOpening(input: {
  current: StatusLevel;
  kind: CampaignKind;
  target: StatusLevel;
  termStartYear: number;
  termEndYear: number;
  hasOpenCampaign: boolean;
}): OpeningProblem[] {
  const problems: OpeningProblem[] = [];
  if (input.kind === 'upgrade' && !isUpgrade(input.current, input.target)) {
    problems.push({ code: 'UPGRADE_NOT_NEXT_LEVEL', allowed: upgradeTargets(input.current) });
  }
  if (input.kind === 'renewal') {
    if (input.current === 'none') problems.push({ code: 'NOTHING_TO_RENEW' });
    else if (input.target !== input.current)
      problems.push({ code: 'RENEWAL_CHANGES_LEVEL', current: input.current });
  }
  const years = input.termEndYear - input.termStartYear;
  if (years < 0 || years >= MAX_TERM_YEARS) problems.push({ code: 'TERM_INVALID' });
  if (input.hasOpenCampaign) problems.push({ code: 'CAMPAIGN_ALREADY_OPEN' });
  return problems;
}

/** The levels a unit may aim for, per kind; what the "open campaign" form offers. */
export function campaignTargets(current: StatusLevel): { renewal: StatusLevel[]; upgrade: StatusLevel[] } {
  return { renewal: current === 'none' ? [] : [current], upgrade: upgradeTargets(current) };
}
