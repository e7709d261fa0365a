import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Outlet, type RouteObject, useRoutes } from 'react-router';
import { createApiClients } from '../api/ApiProvider';
import { AppShell, type NavItem } from '../layout/AppShell';
import type { AppKind } from '../layout/Brand';
import { NotFoundPage, PageErrorBoundary } from '../layout/RoutePages';
import { LoadingState } from '../layout/states';
import { AuthGate } from '../session/AuthGate';
import { meQueryOptions } from '../session/me-query';
import { Providers } from './Providers';

export interface SpaDefinition {
  app: AppKind;
  nav: NavItem[];
  /** Page routes; give them `React.lazy` elements so each page is its own chunk. */
  routes: RouteObject[];
  /** Loads the code of the page at the app's root, the one most visits open first. */
  loadLanding?: () => Promise<unknown>;
}

function Shell({ app, nav }: Pick<SpaDefinition, 'app' | 'nav'>) {
  return (
    <AuthGate app={app}>
      <AppShell app={app} nav={nav}>
        {/* Inside the shell, so a crashing page leaves the menu usable. */}
        <PageErrorBoundary>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </AppShell>
    </AuthGate>
  );
}

function AppRoutes({ app, nav, routes }: SpaDefinition) {
  return useRoutes([
    {
      element: <Shell app={app} nav={nav} />,
      children: [...routes, { path: '*', element: <NotFoundPage /> }],
    },
  ]);
}

/**
 * Starts an SPA: providers, sign-in gate, shell, and the app's routes under its base path.
 * Declarative routing (no data router): pages fetch through React Query, and the data
 * router's code would only add to the first load.
 */
export function mountApp(definition: SpaDefinition) {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks #root');
  const clients = createApiClients();
  // Who is signed in is asked before the first render, not from it: otherwise the question
  // waits until the first page's code has arrived and run, and the page waits for the answer.
  void clients.queryClient.prefetchQuery(meQueryOptions(clients.trpcClient));
  // The first page's code is fetched beside that question instead of after the answer, but
  // asked for once the API batch has left (tRPC sends it on the next timer tick): over
  // HTTP/1.1 the page's thirty-odd files would otherwise hold every connection first.
  if (definition.loadLanding && window.location.pathname === import.meta.env.BASE_URL)
    setTimeout(() => void definition.loadLanding?.());
  createRoot(container).render(
    <StrictMode>
      <Providers clients={clients}>
        {/* With the trailing slash kept, links home are `/console/`, the address the server serves. */}
        <BrowserRouter basename={import.meta.env.BASE_URL}>
          <AppRoutes {...definition} />
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  );
}
