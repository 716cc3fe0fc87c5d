import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState, type ReactNode } from 'react';
import { ConsoleSlotsContext, type ConsoleSlots } from '../components/console-slots';
import { isK8sError, isRetriable } from '../k8s/k8s-error';
import { K8sWatchProvider } from '../k8s/watch/watch-context';
import type { WatchManagerOptions } from '../k8s/watch/watch-manager';
import { StatusHistoryProvider } from '../components/vm-status/status-history-context';
import { StatusHistory, statusHistoryObserver } from '../kubevirt/status-history';

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

/** The session's status history, fed by every watch (kept for the session, not in react-query: nothing the API serves). */
function createStatusHistory(): { history: StatusHistory; watchOptions: Omit<WatchManagerOptions, 'queryClient'> } {
  const history = new StatusHistory();
  return { history, watchOptions: { observe: statusHistoryObserver(history) } };
}

/** The server-state store (react-query), the watches that feed it, and the status history they feed. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [{ history, watchOptions }] = useState(createStatusHistory);
  return (
    <QueryClientProvider client={queryClient}>
      <K8sWatchProvider options={watchOptions}>
        <StatusHistoryProvider value={history}>
          <ConsoleSlotsContext.Provider value={consoleSlots}>{children}</ConsoleSlotsContext.Provider>
        </StatusHistoryProvider>
      </K8sWatchProvider>
    </QueryClientProvider>
  );
}
