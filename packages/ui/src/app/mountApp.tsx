import type { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@wenming/api';
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
  /** Asks for what that page shows first, beside the sign-in check. */
  prefetchLanding?: LandingPrefetch;
}

export type LandingPrefetch = (api: { queryClient: QueryClient; trpc: TRPCOptionsProxy<AppRouter> }) => void;

function Shell({ app, nav, landing }: Pick<SpaDefinition, 'app' | 'nav'> & { landing?: Promise<unknown> }) {
  return (
    <AuthGate app={app} waitFor={landing}>
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

function AppRoutes({ app, nav, routes, landing }: SpaDefinition & { landing?: Promise<unknown> }) {
  return useRoutes([
    {
      element: <Shell app={app} nav={nav} landing={landing} />,
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
  const { loadLanding, prefetchLanding } = definition;
  const onLanding = window.location.pathname === import.meta.env.BASE_URL;
  // The same batch carries what the first page shows, so the page renders with its data.
  if (onLanding && prefetchLanding) {
    const { queryClient, trpcClient } = clients;
    prefetchLanding({ queryClient, trpc: createTRPCOptionsProxy({ client: trpcClient, queryClient }) });
  }
  // The first page's code is fetched beside that question instead of after the answer, but
  // asked for once the API batch has left (tRPC sends it on the next timer tick): over
  // HTTP/1.1 the page's thirty-odd files would otherwise hold every connection first. The
  // sign-in gate waits for it, so shell and page appear together (see lazyPage).
  const landing =
    onLanding && loadLanding
      ? new Promise((settle) => setTimeout(() => loadLanding().then(settle, settle)))
      : undefined;
  createRoot(container).render(
    <StrictMode>
      <Providers clients={clients}>
        {/* With the trailing slash kept, links home are `/console/`, the address the server serves. */}
        <BrowserRouter basename={import.meta.env.BASE_URL}>
          <AppRoutes {...definition} landing={landing} />
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  );
}
