import { Flex, Spin } from 'antd';
import type { EChartsOption } from 'echarts';

export type { EChartsOption };

import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';

export interface EChartHandle {
  /** The chart as a PNG data URL on white, at twice the screen's resolution. */
  toPng(): string | undefined;
}

type Instance = ReturnType<typeof import('./echarts-setup')['createChart']>;

/**
 * One ECharts chart. ECharts itself is fetched the first time any chart is shown, so no
 * page pays for it until someone opens the analytics.
 */
export function EChart({
  option,
  height = 320,
  label,
  ref,
}: {
  option: EChartsOption;
  height?: number;
  /** What the picture shows, for screen readers (the table view has the numbers). */
  label: string;
  ref?: Ref<EChartHandle>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
  }));

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ createChart }) => {
      if (disposed || !box.current) return;
      chart.current = createChart(box.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />
      {!ready && (
        <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0 }}>
          <Spin />
        </Flex>
      )}
    </div>
  );
}
