import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { type ApiClients, ApiProvider } from '../api/ApiProvider';
import { useLanguage } from '../i18n';
import { configureToasts } from './feedback';

const appTheme: ThemeConfig = {
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

configureToasts(appTheme);

/** antd's own texts (pickers, empty tables, modals) follow the chosen language. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={appTheme}>
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children, clients }: { children: ReactNode; clients?: ApiClients }) {
  return (
    <LocalizedAntd>
      <ApiProvider clients={clients}>{children}</ApiProvider>
    </LocalizedAntd>
  );
}
