import type { TAssessmentSettings } from '@wenming/domain';
import { loadCores, resultOf, settingsFor } from '../assessment/core';
import type { AuthedContext } from '../context';

/**
 * Assessment totals (basic plus capped bonus, exemptions rescaled as the office set) of the
 * campaigns given, through the assessment's own rules. Only complete results count: every
 * indicator scored, and — for unit staff, who must not read an assessment before it ends —
 * the campaign decided.
 */
export async function assessmentTotals(
  ctx: AuthedContext,
  campaigns: { id: string; phase: string }[],
): Promise<Map<string, number>> {
  const office = ctx.ability.can('read', 'Office');
  const ids = campaigns
    .filter((c) => c.phase === 'decided' || (office && c.phase === 'under_assessment'))
    .map((c) => c.id);
  const totals = new Map<string, number>();
  if (ids.length === 0) return totals;
  const cores = await loadCores(ctx.db, ids);
  const settings = new Map<string, Promise<TAssessmentSettings>>();
  for (const core of cores.values()) {
    const key = `${core.campaign.office_id}/${core.campaign.target_level}/${core.frameworkThreshold}`;
    if (!settings.has(key)) {
      settings.set(
        key,
        settingsFor(ctx.db, core.campaign.office_id, core.campaign.target_level, core.frameworkThreshold),
      );
    }
    const result = resultOf(core, await settings.get(key)!);
    if (result.unscored === 0) totals.set(core.campaign.id, result.total);
  }
  return totals;
}
