import { mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type WatchEvent } from './index.js';
import { tick } from '../../../test/support/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'store-'));
  dirs.push(d);
  return d;
};
const cm = (name: string, v = '1') => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data: { v },
});

describe('persistence', () => {
  it('keeps every acknowledged write across a crash (no close), continues resourceVersions and resumes watches', async () => {
    const dir = tmp();
    const a = createStore({ dataDir: dir });
    a.create('configmaps', cm('one'));
    const mid = a.resourceVersion;
    a.create('configmaps', cm('two'));
    a.patch('configmaps', 'default', 'one', 'merge', { data: { v: '2' } });
    a.delete('configmaps', 'default', 'two');
    const last = Number(a.resourceVersion);
    // simulate kill -9: the first store is never closed; a torn half-line is left at the end
    appendFileSync(join(dir, 'store.log'), '{"rv":99999,"res":"configmaps","type":"ADD');

    const b = createStore({ dataDir: dir });
    expect(b.get('configmaps', 'default', 'one').data).toEqual({ v: '2' });
    expect(b.tryGet('configmaps', 'default', 'two')).toBeUndefined();
    expect(b.list('namespaces').items.map((n) => n.metadata.name)).toContain('default');
    expect(Number(b.resourceVersion)).toBe(last);
    const next = b.create('configmaps', cm('three'));
    expect(Number(next.metadata.resourceVersion)).toBe(last + 1);

    const seen: WatchEvent[] = [];
    b.watch('configmaps', { resourceVersion: mid }, (e) => seen.push(e));
    await tick();
    expect(seen.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED two',
      'MODIFIED one',
      'DELETED two',
      'ADDED three',
    ]);
    b.close();

    const c = createStore({ dataDir: dir });
    expect(c.list('configmaps').items.map((o) => o.metadata.name)).toEqual(['one', 'three']);
    c.close();
  });
});
