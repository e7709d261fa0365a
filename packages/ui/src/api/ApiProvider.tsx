import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ME_QUERY_KEY } from '../session/me-query';
import { isClientError, isSignedOutError } from './errors';
import { createApiClient, TRPCProvider } from './trpc';

function createQueryClient() {
  // When any call finds the session gone, forget who was signed in: the gate shows the login.
  const onError = (error: unknown) => {
    if (isSignedOutError(error)) queryClient.setQueryData(ME_QUERY_KEY, null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !isClientError(error),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

export interface ApiClients {
  queryClient: QueryClient;
  trpcClient: ReturnType<typeof createApiClient>;
}

/** One app's clients; made before the first render when requests should start before it. */
export function createApiClients(): ApiClients {
  return { queryClient: createQueryClient(), trpcClient: createApiClient() };
}

export function ApiProvider({ children, clients }: { children: ReactNode; clients?: ApiClients }) {
  const [{ queryClient, trpcClient }] = useState(() => clients ?? createApiClients());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
