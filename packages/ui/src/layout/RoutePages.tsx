import { Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from './states';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Notice
      kind="notFound"
      title={t('shell.notFoundTitle')}
      subTitle={t('shell.notFoundHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('shell.goHome')}
        </Button>
      }
    />
  );
}

export function CrashPage() {
  const { t } = useTranslation();
  return (
    <Notice
      kind="error"
      title={t('shell.crashTitle')}
      subTitle={t('shell.crashHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // For whoever opens the browser console to help; the user sees only the plain message.
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <CrashPage /> : this.props.children;
  }
}

/** A page that throws while rendering: the shell stays, and going elsewhere recovers. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <Boundary key={location.pathname}>{children}</Boundary>;
}
