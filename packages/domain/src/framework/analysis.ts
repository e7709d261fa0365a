import type { TFrameworkFile } from './file-schema';

export interface FrameworkStats {
  categories: number;
  indicators: number;
  vetoItems: number;
  totalPoints: number;
}

export function frameworkStats(fw: TFrameworkFile): FrameworkStats {
  return {
    categories: fw.categories.length,
    indicators: fw.categories.reduce((n, c) => n + c.indicators.length, 0),
    vetoItems: fw.vetoItems.length,
    totalPoints: fw.totalPoints,
  };
}

/**
 * Which categories give bonus points. The format has no per-category flag, so the rule is
 * positional: the leading categories whose points add up to `basicPoints` are basic and
 * the rest are special (特色/加分). Without `basicPoints`, or when no prefix adds up to it,
 * every category is basic.
 */
export function specialCategoryCodes(fw: TFrameworkFile): string[] {
  if (fw.basicPoints === undefined || fw.specialPoints === undefined || fw.specialPoints === 0) return [];
  let sum = 0;
  for (const [i, category] of fw.categories.entries()) {
    sum += category.points;
    if (Math.abs(sum - fw.basicPoints) < 1e-6) return fw.categories.slice(i + 1).map((c) => c.code);
  }
  return [];
}

/** JSON with sorted keys: two files with the same content give the same text, whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}
