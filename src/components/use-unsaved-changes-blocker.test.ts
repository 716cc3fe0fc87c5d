/**
 * The unsaved-changes rule on react-router's own data router (in memory): what it holds back, and
 * what proceed and reset then do, for links and tabs (push), replace, and Back (a POP step).
 */
import { createMemoryRouter, IDLE_BLOCKER } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { leavesPage } from './use-unsaved-changes-blocker';

const routes = [{ path: '*' }];

/** A router at `entries` (the last one shown), with the rule registered as a page's blocker would be. */
function setup(entries = ['/a'], dirty = true) {
  const router = createMemoryRouter(routes, { initialEntries: entries, initialIndex: entries.length - 1 });
  router.getBlocker('page', leavesPage(dirty));
  // As useBlocker reads it: idle until the router first holds something for it.
  const blocker = () => router.state.blockers.get('page') ?? IDLE_BLOCKER;
  const at = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { router, blocker, at };
}

describe('leavesPage', () => {
  it('is another path while dirty, and never when clean', () => {
    const loc = (pathname: string, search = '') => ({ pathname, search, hash: '', state: null, key: 'k' });
    const ask = (dirty: boolean, from: string, to: string, search = '') =>
      leavesPage(dirty)({ currentLocation: loc(from), nextLocation: loc(to, search), historyAction: 'PUSH' as never });
    expect(ask(true, '/vm/yaml', '/vm/events')).toBe(true);
    expect(ask(true, '/vm/yaml', '/vm/yaml', '?q=1')).toBe(false);
    expect(ask(false, '/vm/yaml', '/vm/events')).toBe(false);
  });
});

describe('the unsaved-changes blocker on the router', () => {
  it('when clean, lets every navigation through', async () => {
    const { router, blocker, at } = setup(['/a'], false);
    await router.navigate('/b');
    await router.navigate('/c', { replace: true });
    await router.navigate(-1);
    await vi.waitFor(() => expect(at()).toBe('/a'));
    expect(blocker().state).toBe('unblocked');
  });

  it('holds a push to another page until proceed, and lets the same page with another query through', async () => {
    const { router, blocker, at } = setup();
    await router.navigate('/a?q=1', { replace: true });
    expect(at()).toBe('/a?q=1');
    await router.navigate('/b');
    expect(blocker().state).toBe('blocked');
    expect(blocker().location?.pathname).toBe('/b');
    expect(at()).toBe('/a?q=1');
    blocker().proceed?.();
    await vi.waitFor(() => expect(at()).toBe('/b'));
    expect(router.state.historyAction).toBe('PUSH');
    expect(blocker().state).toBe('unblocked');
  });

  it('holds a replace too', async () => {
    const { router, blocker, at } = setup();
    await router.navigate('/b', { replace: true });
    expect(blocker().state).toBe('blocked');
    expect(at()).toBe('/a');
  });

  it('reset drops the held navigation, and the next one is held again', async () => {
    const { router, blocker, at } = setup();
    await router.navigate('/b');
    blocker().reset?.();
    expect(blocker().state).toBe('unblocked');
    expect(at()).toBe('/a');
    await router.navigate('/b');
    expect(blocker().state).toBe('blocked');
  });

  it('undoes a Back step it holds, and makes it on proceed without adding to the history', async () => {
    const { router, blocker, at } = setup(['/a', '/b']);
    await router.navigate(-1); // the Back button
    expect(blocker().state).toBe('blocked');
    expect(blocker().location?.pathname).toBe('/a');
    expect(at()).toBe('/b');
    blocker().proceed?.();
    await vi.waitFor(() => expect(at()).toBe('/a'));
    expect(router.state.historyAction).toBe('POP');
    // Forward again reaches /b: the step back replaced nothing and pushed nothing.
    router.deleteBlocker('page');
    await router.navigate(1);
    await vi.waitFor(() => expect(at()).toBe('/b'));
  });

  it('removing the blocker (the page goes away) drops a held navigation without making it', async () => {
    const { router, blocker, at } = setup();
    await router.navigate('/b');
    expect(blocker().state).toBe('blocked');
    router.deleteBlocker('page');
    expect(at()).toBe('/a');
    await router.navigate('/c');
    expect(at()).toBe('/c');
  });
});
