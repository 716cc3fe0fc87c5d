import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState, type ReactNode } from 'react';
import { ConsoleSlotsContext, type ConsoleSlots } from '../components/console-slots';
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

/** The consoles feature's components for other features' pages (each its own lazy chunk). */
const consoleSlots: ConsoleSlots = {
  ConsoleTab: lazy(() => import('../features/consoles/console-tab').then((m) => ({ default: m.ConsoleTab }))),
  VmThumbnail: lazy(() => import('../features/consoles/vm-thumbnail').then((m) => ({ default: m.VmThumbnail }))),
  VmThumbnailGallery: lazy(() =>
    import('../features/consoles/vm-thumbnail-gallery').then((m) => ({ default: m.VmThumbnailGallery })),
  ),
};

/** The server-state store (react-query) and the watches that feed it. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <K8sWatchProvider>
        <ConsoleSlotsContext.Provider value={consoleSlots}>{children}</ConsoleSlotsContext.Provider>
      </K8sWatchProvider>
    </QueryClientProvider>
  );
}
