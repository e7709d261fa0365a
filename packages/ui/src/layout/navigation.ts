import type { AppAbility } from '@wenming/authz';
import type { MenuProps } from 'antd';
import { cloneElement, createContext, isValidElement, type ReactNode, useContext } from 'react';

export interface NavItem {
  key: string;
  /** Route path inside the app (without the base). */
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ReactNode;
  /** i18n key of the menu heading it sits under; items without one come first, unheaded. */
  group?: string;
  /** Other paths that belong to this item, e.g. a list's detail pages. */
  prefixes?: string[];
  /** Shown only to those who may use it; the server refuses the rest anyway. */
  visible?: (ability: AppAbility) => boolean;
}

/** The menu entry the current page belongs to, so page headers can name where the user is. */
export interface NavPlace {
  item: NavItem;
  /** The translated group heading, when the item has one. */
  group?: string;
}

export const NavPlaceContext = createContext<NavPlace | undefined>(undefined);

export const useNavPlace = () => useContext(NavPlaceContext);

/** An item's own path wins over another's prefix: `/frameworks/publication` is not a framework's page. */
export function activeItem(nav: NavItem[], pathname: string): NavItem | undefined {
  return (
    nav.find((item) => item.path === pathname) ??
    nav.find((item) => item.prefixes?.some((p) => pathname.startsWith(p)))
  );
}

/** Icons beside a label say nothing more: screen readers read "单位名录", not "unordered-list 单位名录". */
const silent = (icon: ReactNode) =>
  isValidElement<{ 'aria-hidden'?: boolean }>(icon) ? cloneElement(icon, { 'aria-hidden': true }) : icon;

/**
 * Menu entries grouped under their headings, in the order the groups first appear. A
 * collapsed side menu has no room for headings: dividers separate the groups instead.
 */
export function menuItems(
  nav: NavItem[],
  translate: (key: string) => string,
  collapsed: boolean,
): NonNullable<MenuProps['items']> {
  const entry = (item: NavItem) => ({ key: item.key, icon: silent(item.icon), label: translate(item.label) });
  const groups = new Map<string, NavItem[]>();
  for (const item of nav) if (item.group) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  const items: NonNullable<MenuProps['items']> = nav.filter((item) => !item.group).map(entry);
  for (const [group, members] of groups) {
    if (collapsed) {
      if (items.length) items.push({ type: 'divider', key: `divider:${group}` });
      items.push(...members.map(entry));
    } else {
      items.push({
        type: 'group',
        key: `group:${group}`,
        label: translate(group),
        children: members.map(entry),
      });
    }
  }
  return items;
}
