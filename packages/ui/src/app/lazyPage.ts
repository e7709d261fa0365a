import { type ComponentType, createElement, lazy } from 'react';

export type LazyPage<P extends object> = ComponentType<P> & {
  /** Starts fetching the page's code; the same promise on every call. */
  preload: () => Promise<unknown>;
};

/**
 * `React.lazy` for a page, except that once its code has arrived the page renders straight
 * away. A `lazy` component suspends on its first render even when its module is already
 * loaded, so the shell would commit its loading state first, and React 19 then holds the
 * page back until 300 ms after that fallback appeared (its `FALLBACK_THROTTLE_MS`).
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    });
    return loading;
  };
  const Pending = lazy(preload);
  function Page(props: P) {
    return createElement(loaded ?? Pending, props);
  }
  return Object.assign(Page, { preload });
}
