import { useEffect, useMemo } from 'react';
import { useBlocker, type Blocker, type BlockerFunction } from 'react-router';

/**
 * While `dirty`, a navigation that leaves the page: another path (a link, a tab, Back or Forward).
 * The same path with another query string or hash stays on the page.
 */
export const leavesPage =
  (dirty: boolean): BlockerFunction =>
  ({ currentLocation, nextLocation }) =>
    dirty && currentLocation.pathname !== nextLocation.pathname;

/**
 * Holds back leaving the page while `dirty` (react-router's blocker: the caller asks the user, then
 * proceeds or resets), and has the browser ask before the window closes or reloads.
 */
export function useUnsavedChangesBlocker(dirty: boolean): Blocker {
  const blocker = useBlocker(useMemo(() => leavesPage(dirty), [dirty]));
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return blocker;
}
