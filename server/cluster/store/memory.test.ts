/**
 * What the store keeps after objects are gone is bounded (issue 16, item 11): the watch history by
 * bytes as well as by count; continue tokens do not expire with the watch history.
 */
import { describe, expect, it, vi } from 'vitest';
import { createStore, isStatusError, type KObject } from './index.js';

const cm = (name: string, bytes: number): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data: { blob: 'x'.repeat(bytes) },
});

function watchStatus(fn: () => unknown): number {
  try {
    fn();
    return 200;
  } catch (e) {
    if (isStatusError(e)) return e.status.code;
    throw e;
  }
}

describe('watch history', () => {
  it('holds at most historyBytes of objects: large objects, even deleted, are not kept by the count alone', () => {
    const s = createStore({ historyBytes: 1024 * 1024 });
    const first = s.resourceVersion;
    for (let i = 0; i < 40; i++) {
      s.create('configmaps', cm(`big-${i}`, 100_000));
      s.delete('configmaps', 'default', `big-${i}`);
    }
    // 80 changes, far below the 20,000 the count allows, but 8 MB of objects
    expect(s.watchHistory.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(s.watchHistory.events).toBeLessThan(80);
    expect(watchStatus(() => s.watch('configmaps', { resourceVersion: first }, () => {}))).toBe(410);
    const recent = String(Number(s.resourceVersion) - 2);
    const seen: string[] = [];
    expect(watchStatus(() => s.watch('configmaps', { resourceVersion: recent }, (e) => seen.push(e.type)))).toBe(200);
    s.close();
  });

  it('keeps the count bound and serves resumes inside the window', async () => {
    const s = createStore({ historySize: 10 });
    const first = s.resourceVersion;
    for (let i = 0; i < 30; i++) s.create('configmaps', cm(`c-${i}`, 10));
    expect(s.watchHistory.events).toBeLessThanOrEqual(13);
    expect(watchStatus(() => s.watch('configmaps', { resourceVersion: first }, () => {}))).toBe(410);
    const seen: string[] = [];
    s.watch('configmaps', { resourceVersion: String(Number(s.resourceVersion) - 3) }, (e) =>
      seen.push(String(e.object.metadata.name)),
    );
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['c-27', 'c-28', 'c-29']);
    s.close();
  });
});

describe('continue tokens', () => {
  it('stay valid while the watch history moves on, and expire with the 5-minute compaction', () => {
    vi.useFakeTimers();
    try {
      const s = createStore({ historyBytes: 64 * 1024 });
      for (let i = 0; i < 3; i++) s.create('configmaps', cm(`page-${i}`, 10));
      const page = s.list('configmaps', { namespace: 'default', limit: 1 });
      for (let i = 0; i < 20; i++) s.create('configmaps', cm(`churn-${i}`, 10_000));
      expect(s.list('configmaps', { namespace: 'default', limit: 1, continue: page.continue }).items).toHaveLength(1);
      vi.advanceTimersByTime(10 * 60_000 + 1);
      s.create('configmaps', cm('later', 10));
      expect(watchStatus(() => s.list('configmaps', { namespace: 'default', limit: 1, continue: page.continue }))).toBe(
        410,
      );
      s.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
