import type { EChartsOption } from '@wenming/ui';

/** The platform's palette, in the order series take it. */
export const PALETTE = [
  '#1677ff',
  '#52c41a',
  '#faad14',
  '#eb2f96',
  '#13c2c2',
  '#722ed1',
  '#fa541c',
  '#2f54eb',
];

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 10;

export { pct };

/** Bars of counts by category, horizontal when the labels are long words. */
export function barOption(
  labels: string[],
  values: number[],
  opts: { horizontal?: boolean; percent?: boolean } = {},
) {
  const category = {
    type: 'category' as const,
    data: labels,
    // Every label while they fit (a ranking, a handful of levels); ECharts thins out long series.
    axisLabel: {
      interval: opts.horizontal || labels.length <= 8 ? 0 : ('auto' as const),
      width: 120,
      overflow: 'truncate' as const,
    },
  };
  const value = {
    type: 'value' as const,
    minInterval: opts.percent ? undefined : 1,
    max: opts.percent ? 100 : undefined,
    axisLabel: opts.percent ? { formatter: '{value}%' } : undefined,
  };
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 36,
        label: {
          show: true,
          position: opts.horizontal ? 'right' : 'top',
          formatter: opts.percent ? '{c}%' : '{c}',
        },
      },
    ],
  } satisfies EChartsOption;
}

export function pieOption(items: { name: string; value: number }[]) {
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: items,
        label: { formatter: '{b}\n{c}' },
      },
    ],
  } satisfies EChartsOption;
}

/** Lines over periods; `percent` series read 0–100 %. */
export function lineOption(
  periods: string[],
  series: { name: string; data: (number | null)[] }[],
  percent = true,
) {
  return {
    color: PALETTE,
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: percent ? (v) => (v === null || v === undefined ? '—' : `${v}%`) : undefined,
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: {
      type: 'value',
      max: percent ? 100 : undefined,
      minInterval: percent ? undefined : 1,
      axisLabel: percent ? { formatter: '{value}%' } : undefined,
    },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      connectNulls: true,
      symbolSize: 6,
    })),
  } satisfies EChartsOption;
}

/** Stacked bars over periods (units by level). */
export function stackedOption(periods: string[], series: { name: string; data: number[] }[]) {
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: s.data, barMaxWidth: 36 })),
  } satisfies EChartsOption;
}

/**
 * A long name without spaces (Chinese) on lines of at most `perLine` characters, as even as
 * they come: ECharts breaks lines only at spaces, so 践行社会主义核心价值观 ran past the
 * chart's edge and lost its first character. Names with spaces are left to ECharts.
 */
export function wrapName(name: string, perLine = 6): string {
  if (/\s/.test(name) || name.length <= perLine) return name;
  const lines = Math.ceil(name.length / perLine);
  const size = Math.ceil(name.length / lines);
  return Array.from({ length: lines }, (_, i) => name.slice(i * size, (i + 1) * size)).join('\n');
}

export function radarOption(axes: string[], series: { name: string; data: (number | null)[] }[]) {
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    radar: {
      indicator: axes.map((name) => ({ name: wrapName(name), max: 100 })),
      // Category names are long Chinese phrases: a smaller web leaves them room on two lines.
      radius: '50%',
      center: ['50%', '48%'],
      axisName: { color: '#595959', fontSize: 11, width: 80, overflow: 'break' },
    },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({ name: s.name, value: s.data.map((v) => v ?? 0) })),
        areaStyle: { opacity: 0.12 },
      },
    ],
  } satisfies EChartsOption;
}
