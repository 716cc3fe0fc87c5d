/**
 * A browser history that a page can hold back: while a blocker is set and answers yes, a push, a
 * replace or a back/forward step does not happen yet; it waits until `proceed()` (or is dropped by
 * `reset()`). It wraps the router's own history object (react-router's createBrowserHistory) and
 * has the same shape, so the router uses it unchanged. Pure: no React here; the hook that pages
 * use lives in components/navigation-guard.
 */

/** The parts of a location a blocker compares. */
export interface GuardedLocation {
  pathname: string;
  search: string;
  hash: string;
}

type To = string | Partial<GuardedLocation>;

/** What the router's history offers (react-router's History, as far as this file needs it). */
export interface RouterHistory<L extends GuardedLocation = GuardedLocation> {
  readonly action: string;
  readonly location: L;
  listen(listener: (update: { action: string; location: L; delta: number | null }) => void): () => void;
  push(to: To, state?: unknown): void;
  replace(to: To, state?: unknown): void;
  go(delta: number): void;
  createHref(to: To): string;
}

export type Blocker = (args: {
  currentLocation: GuardedLocation;
  nextLocation: GuardedLocation;
  action: string;
}) => boolean;

export interface HistoryGuard {
  /** Sets the blocker (one at a time, as in react-router); returns a function that removes it. */
  block(blocker: Blocker): () => void;
  /** 'blocked' while a navigation waits for proceed() or reset(). */
  state(): 'idle' | 'blocked';
  subscribe(onChange: () => void): () => void;
  /** Lets the held navigation happen. */
  proceed(): void;
  /** Drops the held navigation: the page stays. */
  reset(): void;
}

/** "/a/b?x#y" or { pathname, search } → a full location (missing parts from nothing). */
export function toLocation(to: To): GuardedLocation {
  if (typeof to !== 'string') return { pathname: to.pathname ?? '/', search: to.search ?? '', hash: to.hash ?? '' };
  const hashAt = to.indexOf('#');
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const rest = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const searchAt = rest.indexOf('?');
  return {
    pathname: (searchAt >= 0 ? rest.slice(0, searchAt) : rest) || '/',
    search: searchAt >= 0 ? rest.slice(searchAt) : '',
    hash,
  };
}

export function guardHistory<H extends RouterHistory>(base: H): { history: H; guard: HistoryGuard } {
  let blocker: Blocker | undefined;
  let held: (() => void) | undefined;
  // Steps back or forward that this wrapper makes itself: undoing a held one, or replaying it.
  let undoing = false;
  let replaying = false;
  const watchers = new Set<() => void>();
  const changed = () => watchers.forEach((w) => w());

  // The location the router shows (the browser's differs for a moment while a step is undone).
  let routerLocation: GuardedLocation = base.location;
  const refuses = (nextLocation: GuardedLocation, action: string) =>
    Boolean(blocker?.({ currentLocation: routerLocation, nextLocation, action }));

  const hold = (go: () => void) => {
    held = go;
    changed();
  };
  const release = () => {
    if (!held) return;
    held = undefined;
    changed();
  };
  // While one navigation waits for the user's answer, others are dropped, not queued.
  const navigate = (to: To, action: string, go: () => void) => {
    if (held) return;
    if (refuses(toLocation(to), action)) hold(go);
    else go();
  };

  // Everything else (location, action, createHref, go…) is the base's own.
  const history = Object.create(base) as H;
  history.push = (to, state) => navigate(to, 'PUSH', () => base.push(to, state));
  history.replace = (to, state) => navigate(to, 'REPLACE', () => base.replace(to, state));
  history.listen = (listener) =>
    base.listen((update) => {
      if (update.action === 'POP') {
        if (undoing) {
          // The browser is back where the router is: nothing to tell it.
          undoing = false;
          return;
        }
        if (replaying) replaying = false;
        else if (held) {
          // A further back/forward step while one is held: undo it too and keep the first.
          if (update.delta) {
            undoing = true;
            base.go(-update.delta);
          }
          return;
        } else if (update.delta && refuses(update.location, 'POP')) {
          // The browser has already moved: step back to where the router is, and hold the step.
          const delta = update.delta;
          undoing = true;
          base.go(-delta);
          hold(() => {
            replaying = true;
            base.go(delta);
          });
          return;
        }
      }
      routerLocation = update.location;
      listener(update);
    });

  const guard: HistoryGuard = {
    block(b) {
      blocker = b;
      return () => {
        if (blocker !== b) return;
        blocker = undefined;
        release();
      };
    },
    state: () => (held ? 'blocked' : 'idle'),
    subscribe(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    proceed() {
      const go = held;
      release();
      go?.();
    },
    reset: release,
  };
  return { history, guard };
}
