import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { WatchManager, type WatchManagerOptions } from './watch-manager';

const WatchManagerContext = createContext<WatchManager | null>(null);

/** Owns the WatchManager of the surrounding QueryClientProvider and closes every watch on unmount. */
export function K8sWatchProvider({
  children,
  options,
}: {
  children: ReactNode;
  options?: Omit<WatchManagerOptions, 'queryClient'>;
}) {
  const queryClient = useQueryClient();
  const [manager] = useState(() => new WatchManager({ ...options, queryClient }));
  useEffect(() => () => manager.dispose(), [manager]);
  return <WatchManagerContext.Provider value={manager}>{children}</WatchManagerContext.Provider>;
}

export function useWatchManager(): WatchManager {
  const manager = useContext(WatchManagerContext);
  if (!manager) throw new Error('useWatchManager must be used inside <K8sWatchProvider>');
  return manager;
}
