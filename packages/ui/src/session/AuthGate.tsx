import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import type { AppKind } from '../layout/Brand';
import { ErrorState, LoadingState } from '../layout/states';
import { useMeQuery } from './me-query';
import { SessionProvider } from './session';

// Signed-in users never need the login form's code on a reload.
const LoginPage = lazy(() => import('./LoginPage'));

/** Whether `promise` (if any) has settled, either way. */
function useSettled(promise: Promise<unknown> | undefined) {
  const [settled, setSettled] = useState(!promise);
  useEffect(() => {
    let live = true;
    const done = () => live && setSettled(true);
    promise?.then(done, done);
    return () => {
      live = false;
    };
  }, [promise]);
  return settled;
}

/**
 * Renders its children for a signed-in user, the login page otherwise. With `waitFor`, a
 * signed-in user sees the loading state until that settles too (the first page's code).
 */
export function AuthGate({
  app,
  waitFor,
  children,
}: {
  app: AppKind;
  waitFor?: Promise<unknown>;
  children: ReactNode;
}) {
  const me = useMeQuery();
  const ready = useSettled(waitFor);
  if (me.isPending || (me.data && !ready)) return <LoadingState fullPage />;
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
