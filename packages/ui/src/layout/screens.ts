import { useSyncExternalStore } from 'react';

/** antd's breakpoints (its `screen*` tokens, which the theme leaves alone): the width each starts at. */
const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1600 } as const;
export type Breakpoint = keyof typeof BREAKPOINTS;

const queries = new Map<Breakpoint, MediaQueryList>();
function query(name: Breakpoint): MediaQueryList {
  let list = queries.get(name);
  if (!list) {
    list = window.matchMedia(`(min-width: ${BREAKPOINTS[name]}px)`);
    queries.set(name, list);
  }
  return list;
}

/**
 * Whether the viewport is at least as wide as `name`, right from the first render. antd's
 * `Grid.useBreakpoint` knows nothing until its layout effect has measured, then renders its
 * component a second time: on every page that uses it, before the page could paint.
 */
export function useScreen(name: Breakpoint): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = query(name);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => query(name).matches,
    // No window (server rendering, tests in Node): lay out for a desktop.
    () => true,
  );
}

/** Narrower than antd's `md` (768 px): phones, where tables turn into cards and menus into drawers. */
export function usePhone(): boolean {
  return !useScreen('md');
}
