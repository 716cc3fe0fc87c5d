import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { StatusHistory, StatusSighting } from '../../kubevirt/status-history';

const StatusHistoryContext = createContext<StatusHistory | null>(null);

/** The session's history of VM statuses and VMI phases (made with the watches, in AppProviders). */
export const StatusHistoryProvider = StatusHistoryContext.Provider;

const NONE: readonly StatusSighting[] = [];
const noSubscription = () => () => undefined;

/**
 * What the console has seen of one object's status (by uid), oldest first, kept current. Empty
 * without a uid or outside a StatusHistoryProvider.
 */
export function useStatusHistory(uid: string | undefined): readonly StatusSighting[] {
  const history = useContext(StatusHistoryContext);
  const subscribe = useCallback((fn: () => void) => history?.subscribe(fn) ?? (() => undefined), [history]);
  const snapshot = useCallback(() => history?.entries(uid) ?? NONE, [history, uid]);
  return useSyncExternalStore(history ? subscribe : noSubscription, snapshot);
}
