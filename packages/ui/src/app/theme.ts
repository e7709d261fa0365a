import type { ThemeConfig } from 'antd';

/**
 * The one theme both SPAs use. The build bakes antd's component styles for it into a CSS
 * file (`vite/antdStyles.ts`), and the pages run antd in zero-runtime mode on top of that
 * file: no component computes and injects its styles in the browser on first render.
 */
export const appTheme: ThemeConfig = {
  // One antd on the page, so class names need no theme hash, and the baked selectors match
  // whatever the runtime would have hashed.
  hashed: false,
  token: {
    // Blue, not the brand red: red focus rings and buttons would read as errors.
    colorPrimary: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f6f8' },
  },
};
