import { describe, expect, it, vi } from 'vitest';
import { guardHistory, toLocation, type GuardedLocation, type RouterHistory } from './guarded-history';

/**
 * A browser history in memory, behaving like react-router's createBrowserHistory in v5Compat mode:
 * push and replace tell the listener at once; go() moves the stack and then reports a POP with its
 * delta (as the popstate event does).
 */
function memoryHistory(start = '/a') {
  const stack: GuardedLocation[] = [toLocation(start)];
  let index = 0;
  let action = 'POP';
  let listener: ((u: { action: string; location: GuardedLocation; delta: number | null }) => void) | undefined;
  const history: RouterHistory = {
    get action() {
      return action;
    },
    get location() {
      return stack[index];
    },
    listen(fn) {
      listener = fn;
      return () => {
        listener = undefined;
      };
    },
    push(to) {
      stack.splice(index + 1, stack.length, toLocation(to));
      index++;
      action = 'PUSH';
      listener?.({ action, location: stack[index], delta: 1 });
    },
    replace(to) {
      stack[index] = toLocation(to);
      action = 'REPLACE';
      listener?.({ action, location: stack[index], delta: 0 });
    },
    go(delta) {
      const next = Math.max(0, Math.min(stack.length - 1, index + delta));
      const moved = next - index;
      index = next;
      action = 'POP';
      if (moved) listener?.({ action, location: stack[index], delta: moved });
    },
    createHref: (to) => (typeof to === 'string' ? to : `${to.pathname ?? ''}${to.search ?? ''}${to.hash ?? ''}`),
  };
  return { history, path: () => stack[index].pathname, length: () => stack.length };
}

/** The guarded history with a listener that records what the router is told. */
function setup(start = '/a') {
  const browser = memoryHistory(start);
  const { history, guard } = guardHistory(browser.history);
  const seen: string[] = [];
  history.listen((u) => seen.push(`${u.action} ${u.location.pathname}`));
  const leavingPage = guard.block(
    ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname,
  );
  return { browser, history, guard, seen, leavingPage };
}

describe('guarded history', () => {
  it('parses what push and replace are given', () => {
    expect(toLocation('/k8s/ns/a?q=x#y')).toEqual({ pathname: '/k8s/ns/a', search: '?q=x', hash: '#y' });
    expect(toLocation({ pathname: '/p', search: '?s' })).toEqual({ pathname: '/p', search: '?s', hash: '' });
    expect(toLocation('')).toEqual({ pathname: '/', search: '', hash: '' });
  });

  it('without a blocker, passes everything through', () => {
    const browser = memoryHistory();
    const { history, guard } = guardHistory(browser.history);
    const seen: string[] = [];
    history.listen((u) => seen.push(`${u.action} ${u.location.pathname}`));
    history.push('/b');
    history.replace('/c');
    history.go(-1);
    expect(seen).toEqual(['PUSH /b', 'REPLACE /c', 'POP /a']);
    expect(guard.state()).toBe('idle');
    expect(history.location.pathname).toBe('/a');
    expect(history.createHref('/x')).toBe('/x');
  });

  it('holds a push the blocker refuses until proceed, and lets through what it allows', () => {
    const { browser, history, guard, seen } = setup();
    const onChange = vi.fn();
    guard.subscribe(onChange);
    history.replace('/a?q=1'); // same page: allowed
    history.push('/b');
    expect(guard.state()).toBe('blocked');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(browser.path()).toBe('/a');
    // Further navigation while one is held is dropped, not queued.
    history.push('/c');
    expect(browser.path()).toBe('/a');
    guard.proceed();
    expect(guard.state()).toBe('idle');
    expect(browser.path()).toBe('/b');
    expect(seen).toEqual(['REPLACE /a', 'PUSH /b']);
  });

  it('reset drops the held navigation', () => {
    const { browser, history, guard, seen } = setup();
    history.push('/b');
    guard.reset();
    expect(guard.state()).toBe('idle');
    expect(browser.path()).toBe('/a');
    expect(seen).toEqual([]);
    // The blocker still stands for the next one.
    history.push('/b');
    expect(guard.state()).toBe('blocked');
  });

  it('undoes a back step the blocker refuses without telling the router, and replays it on proceed', () => {
    const browser = memoryHistory('/a');
    browser.history.push('/b'); // the page with unsaved work, reached before the guard was set
    const { history, guard } = guardHistory(browser.history);
    const seen: string[] = [];
    history.listen((u) => seen.push(`${u.action} ${u.location.pathname}`));
    guard.block(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname);

    history.go(-1); // the back button
    expect(guard.state()).toBe('blocked');
    expect(browser.path()).toBe('/b'); // stepped forward again
    expect(seen).toEqual([]);
    guard.proceed();
    expect(browser.path()).toBe('/a');
    expect(seen).toEqual(['POP /a']);
    expect(browser.length()).toBe(2); // nothing pushed on the way
  });

  it('removing the blocker releases a held navigation without making it', () => {
    const { browser, history, guard, leavingPage } = setup();
    history.push('/b');
    leavingPage();
    expect(guard.state()).toBe('idle');
    history.push('/c');
    expect(browser.path()).toBe('/c');
  });
});
