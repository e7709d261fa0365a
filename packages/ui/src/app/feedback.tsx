import { ConfigProvider, type ThemeConfig } from 'antd';

export interface Toast {
  success(text: string): void;
  error(text: string): void;
  warning(text: string): void;
}

/**
 * Short confirmations ("Saved"). antd's message code loads on the first toast rather than
 * with the first page: nobody sees a toast before they have done something.
 */
const toast: Toast = {
  success: (text) => void import('antd/es/message').then(({ default: message }) => message.success(text)),
  error: (text) => void import('antd/es/message').then(({ default: message }) => message.error(text)),
  warning: (text) => void import('antd/es/message').then(({ default: message }) => message.warning(text)),
};

/** Toasts render outside the React tree; this gives them the app's theme. */
export function configureToasts(theme: ThemeConfig) {
  ConfigProvider.config({
    holderRender: (children) => <ConfigProvider theme={theme}>{children}</ConfigProvider>,
  });
}

export function useToast(): Toast {
  return toast;
}
