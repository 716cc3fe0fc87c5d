import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { WatchManager, type WatchManagerOptions } from './watch-manager';

const WatchManagerContext = createContext<WatchManager | null>(null);

/**
 * Owns the WatchManager of the surrounding QueryClientProvider and closes every watch on unmount;
 * or provides one made outside React (`manager`, made on the same QueryClient: the routes
 * use it too, to start a page's watches early), which its maker disposes.
 */
export function K8sWatchProvider({
  children,
  options,
  manager: given,
}: {
  children: ReactNode;
  options?: Omit<WatchManagerOptions, 'queryClient'>;
  manager?: WatchManager;
}) {
  const queryClient = useQueryClient();
  const [own] = useState(() => (given ? undefined : new WatchManager({ ...options, queryClient })));
  useEffect(() => () => own?.dispose(), [own]);
  const manager = given ?? own;
  if (!manager) throw new Error('K8sWatchProvider: no manager');
  return <WatchManagerContext.Provider value={manager}>{children}</WatchManagerContext.Provider>;
}

export function useWatchManager(): WatchManager {
  const manager = useContext(WatchManagerContext);
  if (!manager) throw new Error('useWatchManager must be used inside <K8sWatchProvider>');
  return manager;
}
