import {
  FRESH_WITHIN_DAYS,
  lagDays,
  matchMaterials,
  type TCompleteness,
  weightedReadiness,
} from '@wenming/domain';
import { readable } from '../campaign/service';
import type { AuthedContext } from '../context';

/**
 * Readiness of a campaign's ledger against its framework: each indicator's required
 * materials matched with the active evidence filed for it, weighted up by points, and the
 * list of what is still missing before inspection. Freshness: the share of items filed
 * within a week of the event they record.
 */
export async function completeness(ctx: AuthedContext, campaignId: string): Promise<TCompleteness> {
  const campaign = await readable(ctx, campaignId);
  const [indicators, categories, links, items] = await Promise.all([
    ctx.db
      .selectFrom('framework_indicators as i')
      .innerJoin('framework_categories as c', 'c.id', 'i.category_id')
      .select(['i.id', 'i.code', 'i.name_zh', 'i.points', 'i.evidence', 'c.code as category'])
      .where('i.framework_id', '=', campaign.framework_id)
      .orderBy('c.position')
      .orderBy('i.position')
      .execute(),
    ctx.db
      .selectFrom('framework_categories')
      .select(['code', 'name_zh', 'points'])
      .where('framework_id', '=', campaign.framework_id)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('evidence_indicators as ei')
      .innerJoin('evidence_items as e', 'e.id', 'ei.evidence_id')
      .select(['ei.indicator_id', 'e.id', 'e.title', 'ei.materials'])
      .where('e.campaign_id', '=', campaignId)
      .where('e.retracted_at', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('evidence_items')
      .select(['event_date', 'captured_at'])
      .where('campaign_id', '=', campaignId)
      .where('retracted_at', 'is', null)
      // Material carried from the last term was not filed late: it is left out of freshness.
      .where('carried_from', 'is', null)
      .execute(),
  ]);
  const { perIndicator, readiness, categories: byCategory } = ledgerReadiness(indicators, categories, links);
  const fresh = items.filter((it) => lagDays(it.event_date, it.captured_at) <= FRESH_WITHIN_DAYS).length;
  return {
    campaignId,
    readiness,
    categories: byCategory,
    indicators: perIndicator,
    gaps: perIndicator.flatMap((i) =>
      i.materials
        .filter((m) => !m.met)
        .map((m) => ({ indicatorCode: i.code, indicatorName: i.name, material: m.name })),
    ),
    freshness: {
      items: items.length,
      withinSevenDays: fresh,
      share: items.length ? fresh / items.length : 0,
    },
  };
}

export interface FrameworkIndicatorRow {
  id: string;
  code: string;
  name_zh: string;
  points: number | string;
  evidence: string[];
  category: string;
}
export interface FrameworkCategoryRow {
  code: string;
  name_zh: string;
  points: number | string;
}
export interface IndicatorLink {
  indicator_id: string;
  id: string;
  title: string;
  materials: string[];
}

/**
 * Each indicator's required materials matched with the live evidence linked to it, and the
 * readiness of the whole ledger and of each category, weighted up by points. Pure, so the
 * analytics comparison can load many campaigns' rows at once and reuse it.
 */
export function ledgerReadiness(
  indicators: FrameworkIndicatorRow[],
  categories: FrameworkCategoryRow[],
  links: IndicatorLink[],
) {
  const perIndicator = indicators.map((i) => {
    const filed = links
      .filter((l) => l.indicator_id === i.id)
      .map((l) => ({ id: l.id, title: l.title, materials: l.materials }));
    const { materials, readiness } = matchMaterials(i.evidence, filed);
    return {
      indicatorId: i.id,
      code: i.code,
      name: i.name_zh,
      category: i.category,
      points: Number(i.points),
      evidenceCount: filed.length,
      materials,
      readiness,
    };
  });
  return {
    perIndicator,
    readiness: weightedReadiness(perIndicator),
    categories: categories.map((c) => ({
      code: c.code,
      name: c.name_zh,
      points: Number(c.points),
      readiness: weightedReadiness(perIndicator.filter((i) => i.category === c.code)),
    })),
  };
}
