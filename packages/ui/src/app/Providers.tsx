import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import 'virtual:wenming/antd.css';
import { type ApiClients, ApiProvider } from '../api/ApiProvider';
import { useLanguage } from '../i18n';
import { configureToasts } from './feedback';
import { appTheme } from './theme';

// antd's component styles come baked for `appTheme` in this stylesheet (see `theme.ts`).
const runtimeTheme: ThemeConfig = { ...appTheme, zeroRuntime: true };

configureToasts(runtimeTheme);

/** antd's own texts (pickers, empty tables, modals) follow the chosen language. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={runtimeTheme}>
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
