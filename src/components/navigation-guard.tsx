import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Blocker, HistoryGuard } from '../lib/guarded-history';

const GuardContext = createContext<HistoryGuard | undefined>(undefined);

/** Given by the app around its router: the guard of the history the router uses. */
export const NavigationGuardProvider = GuardContext.Provider;

const noSubscription = () => () => undefined;

export interface NavigationBlocker {
  state: 'idle' | 'blocked';
  /** Lets the held navigation happen. */
  proceed: () => void;
  /** Drops it: the page stays. */
  reset: () => void;
}

/**
 * Holds back in-app navigation (links, back and forward) while `shouldBlock` answers yes; the
 * caller asks the user and then proceeds or resets. Outside a NavigationGuardProvider it never
 * blocks.
 */
export function useNavigationBlocker(shouldBlock: Blocker): NavigationBlocker {
  const guard = useContext(GuardContext);
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => guard?.block((args) => latest.current(args)), [guard]);
  const state = useSyncExternalStore(guard ? guard.subscribe : noSubscription, () => guard?.state() ?? 'idle');
  return { state, proceed: () => guard?.proceed(), reset: () => guard?.reset() };
}
