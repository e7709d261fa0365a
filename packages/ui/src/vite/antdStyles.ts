import type { Plugin } from 'vite';
import { appTheme } from '../app/theme.ts';

const ID = 'virtual:wenming/antd.css';
// A path ending in .css, so the stylesheet goes through Vite's CSS pipeline (minified,
// hashed, linked from index.html) like any imported CSS file.
const RESOLVED = '/@wenming/antd.css';

/**
 * antd components no page renders, left out of the baked styles (a third of their size).
 * A component listed here and then used would show unstyled: `antdStyles.test.ts` fails when
 * any source file imports one. Tour is here also because its styles come out with a selector
 * no CSS parser accepts.
 */
export const UNUSED_ANTD_COMPONENTS = [
  'Affix',
  'Anchor',
  'App',
  'AutoComplete',
  'Avatar',
  'BorderBeam',
  'Carousel',
  'Cascader',
  'ColorPicker',
  'DatePicker',
  'FloatButton',
  'Listy',
  'Masonry',
  'Mentions',
  'QRCode',
  'Rate',
  'Slider',
  'Splitter',
  'TimePicker',
  'Tour',
  'Transfer',
  'Watermark',
];

/**
 * antd's component styles for `appTheme`, baked at build time into the SPA's stylesheet.
 * Without it every antd component computes its styles from the theme tokens and injects
 * them on its first render: on a cold visit to the unit register that was about a quarter
 * of a second of main-thread time before the first row showed. The styles are extracted by
 * rendering every antd component once under the theme (antd's own static-style-extract), so
 * they always match the installed antd version and the theme in `app/theme.ts`.
 */
export function antdStyles(): Plugin {
  let baked: Promise<string> | undefined;
  return {
    name: 'wenming:antd-styles',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      baked ??= bake();
      return baked;
    },
  };
}

export async function bake(): Promise<string> {
  const [{ extractStyle }, { createElement }, { ConfigProvider }] = await Promise.all([
    import('@ant-design/static-style-extract'),
    import('react'),
    import('antd'),
  ]);
  return extractStyle({
    excludes: UNUSED_ANTD_COMPONENTS,
    customTheme: (node) => createElement(ConfigProvider, { theme: appTheme }, node),
  });
}
