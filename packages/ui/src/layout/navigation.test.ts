import { describe, expect, it } from 'vitest';
import { activeItem, menuItems, type NavItem } from './navigation';

const item = (key: string, path: string, group?: string, prefixes?: string[]): NavItem => ({
  key,
  path,
  label: `nav.${key}`,
  icon: null,
  ...(group ? { group } : {}),
  ...(prefixes ? { prefixes } : {}),
});

const nav = [
  item('home', '/'),
  item('inspections', '/inspections', 'navGroup.supervision', ['/inspections']),
  item('frameworks', '/frameworks', 'navGroup.assessment', ['/frameworks/']),
  item('publication', '/frameworks/publication', 'navGroup.assessment'),
  item('rectifications', '/rectifications', 'navGroup.supervision', ['/rectifications']),
];
const translate = (key: string) => `«${key}»`;

describe('the side menu', () => {
  it('puts entries under their headings, headings in the order they first appear, unheaded entries first', () => {
    expect(menuItems(nav, translate, false)).toEqual([
      { key: 'home', icon: null, label: '«nav.home»' },
      {
        type: 'group',
        key: 'group:navGroup.supervision',
        label: '«navGroup.supervision»',
        children: [
          { key: 'inspections', icon: null, label: '«nav.inspections»' },
          { key: 'rectifications', icon: null, label: '«nav.rectifications»' },
        ],
      },
      {
        type: 'group',
        key: 'group:navGroup.assessment',
        label: '«navGroup.assessment»',
        children: [
          { key: 'frameworks', icon: null, label: '«nav.frameworks»' },
          { key: 'publication', icon: null, label: '«nav.publication»' },
        ],
      },
    ]);
  });

  it('separates the groups by dividers when collapsed to icons', () => {
    expect(menuItems(nav, translate, true).map((i) => i?.key)).toEqual([
      'home',
      'divider:navGroup.supervision',
      'inspections',
      'rectifications',
      'divider:navGroup.assessment',
      'frameworks',
      'publication',
    ]);
  });

  it('marks the entry a page belongs to, its own path before another’s prefix', () => {
    expect(activeItem(nav, '/rectifications/42')?.key).toBe('rectifications');
    expect(activeItem(nav, '/frameworks/publication')?.key).toBe('publication');
    expect(activeItem(nav, '/frameworks/7')?.key).toBe('frameworks');
    expect(activeItem(nav, '/inbox')).toBeUndefined();
  });
});
