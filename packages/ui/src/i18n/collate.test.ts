import { describe, expect, it } from 'vitest';
import { byName, compareNames } from './collate';

describe('name order', () => {
  it('puts Chinese names in pinyin order, not code point order', () => {
    const names = ['张家湾社区', '北塘小学', '安平医院', '李村'];
    // By code point 北 (U+5317) comes before 安 (U+5B89): not how anyone looks a name up.
    expect([...names].sort()).toEqual(['北塘小学', '安平医院', '张家湾社区', '李村']);
    expect([...names].sort(compareNames)).toEqual(['安平医院', '北塘小学', '李村', '张家湾社区']);
  });

  it('orders numbers inside names by value and sorts items by a picked name', () => {
    const items = [{ name: '第10网格' }, { name: '第2网格' }];
    expect(items.sort(byName((i) => i.name)).map((i) => i.name)).toEqual(['第2网格', '第10网格']);
  });
});
