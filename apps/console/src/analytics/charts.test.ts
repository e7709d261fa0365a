import { describe, expect, it } from 'vitest';
import { radarOption, wrapName } from './charts';

describe('radar axis names', () => {
  it('puts a long Chinese category name on even lines, losing no character', () => {
    expect(wrapName('践行社会主义核心价值观')).toBe('践行社会主义\n核心价值观');
    expect(wrapName('环境建设与公益宣传')).toBe('环境建设与\n公益宣传');
    expect(wrapName('创建工作机制')).toBe('创建工作机制');
  });

  it('leaves names with spaces to the chart, which breaks them at spaces', () => {
    expect(wrapName('Socialist core values in practice')).toBe('Socialist core values in practice');
  });

  it('names every radar axis with its wrapped name', () => {
    const option = radarOption(['践行社会主义核心价值观', '理想信念教育'], [{ name: 'A', data: [50, null] }]);
    expect(option.radar.indicator.map((i) => i.name)).toEqual(['践行社会主义\n核心价值观', '理想信念教育']);
    expect(option.series[0]!.data[0]!.value).toEqual([50, 0]);
  });
});
