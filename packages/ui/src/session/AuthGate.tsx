import { lazy, type ReactNode, Suspense } from 'react';
import type { AppKind } from '../layout/Brand';
import { ErrorState, LoadingState } from '../layout/states';
import { useMeQuery } from './me-query';
import { SessionProvider } from './session';

// Signed-in users never need the login form's code on a reload.
const LoginPage = lazy(() => import('./LoginPage'));

/** Renders its children for a signed-in user, the login page otherwise. */
export function AuthGate({ app, children }: { app: AppKind; children: ReactNode }) {
  const me = useMeQuery();
  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <Suspense fallback={<LoadingState fullPage />}>
        <LoginPage app={app} />
      </Suspense>
    );
  }
  return <SessionProvider me={me.data}>{children}</SessionProvider>;
}
