import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

let registered = false;

/**
 * A chart on `el`. Registers only what the analytics pages draw (ECharts' full build is
 * several times larger) on first use: inside a function, because this package is marked
 * free of side effects and a top-level registration would be dropped by the bundler.
 */
export function createChart(el: HTMLElement) {
  if (!registered) {
    use([
      BarChart,
      LineChart,
      PieChart,
      RadarChart,
      GridComponent,
      LegendComponent,
      RadarComponent,
      TooltipComponent,
      CanvasRenderer,
    ]);
    registered = true;
  }
  return init(el, undefined, { renderer: 'canvas' });
}
