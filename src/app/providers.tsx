import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isK8sError, isRetriable } from '../k8s/k8s-error';
import { K8sWatchProvider } from '../k8s/watch/watch-context';

/** Retries only what may succeed again (network, 429, 5xx), at most twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isK8sError(error)) return isRetriable(error) && failureCount < 2;
  return false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/** The server-state store (react-query) and the watches that feed it. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <K8sWatchProvider>{children}</K8sWatchProvider>
    </QueryClientProvider>
  );
}
