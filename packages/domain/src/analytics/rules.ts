import type { RankingMetric } from './schemas';

/**
 * Competition ranking (1, 1, 3) by one metric: equal values share a rank, units without a
 * value (no campaign, no answers, no orders) come last and are not ranked, ties and the
 * unranked stay in name order so a table reads the same each time.
 */
export function rankBy<T extends { unitName: string } & Record<RankingMetric, number | null>>(
  rows: T[],
  metric: RankingMetric,
  direction: 'asc' | 'desc' = 'desc',
): (T & { rank: number | null })[] {
  const sign = direction === 'desc' ? -1 : 1;
  const sorted = [...rows].sort((a, b) => {
    const x = a[metric];
    const y = b[metric];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return sign * (x - y);
    return a.unitName.localeCompare(b.unitName, 'zh-CN');
  });
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((row, i) => {
    const value = row[metric];
    if (value === null) return { ...row, rank: null };
    if (value !== previous) rank = i + 1;
    previous = value;
    return { ...row, rank };
  });
}

export interface TrendPeriod {
  period: string;
  start: string;
  end: string;
}

const MAX_PERIODS = 60;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The calendar months or years a trend covers, oldest first, clipped to the last 60 so a
 * long range cannot ask for thousands of points. Default: the 12 months or 5 years up to
 * `today`.
 */
export function periods(
  interval: 'month' | 'year',
  today: string,
  from?: string,
  to?: string,
): TrendPeriod[] {
  const last = to ?? today;
  const [ly, lm] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  const out: TrendPeriod[] = [];
  if (interval === 'month') {
    const first = from ?? iso(new Date(Date.UTC(ly, lm - 12, 1)));
    const earliest = ly * 12 + lm - MAX_PERIODS;
    const monthIndex = Math.max(Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)), earliest + 1);
    let y = Math.floor((monthIndex - 1) / 12);
    let m = monthIndex - y * 12;
    while (y < ly || (y === ly && m <= lm)) {
      out.push({
        period: `${y}-${String(m).padStart(2, '0')}`,
        start: iso(new Date(Date.UTC(y, m - 1, 1))),
        end: iso(new Date(Date.UTC(y, m, 0))),
      });
      m += 1;
      if (m > 12) [y, m] = [y + 1, 1];
    }
  } else {
    const firstYear = Math.max(from ? Number(from.slice(0, 4)) : ly - 4, ly - MAX_PERIODS + 1);
    for (let y = firstYear; y <= ly; y++) {
      out.push({ period: String(y), start: `${y}-01-01`, end: `${y}-12-31` });
    }
  }
  return out;
}
