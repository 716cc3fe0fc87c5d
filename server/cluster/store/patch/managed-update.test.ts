/**
 * The incremental managedFields diff against its definition: comparing the full field maps of
 * `fieldsOf(old)` and `fieldsOf(next)`, over random edits of the real fixtures.
 */
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../../../test/support/fixtures.js';
import { Fuzzer, rng } from '../../../../test/support/fuzz/fuzz-mutations.js';
import { fieldsOf } from './managed-fields.js';
import { fieldDiff, trackUpdate } from './managed-update.js';
import type { KObject } from '../types.js';
import { clone, deepFreeze } from '../util.js';

function expectedDiff(old: KObject | undefined, next: KObject): { changed: string[]; removed: string[] } {
  const before = old ? fieldsOf(old) : new Map<string, string>();
  const after = fieldsOf(next);
  return {
    changed: [...after]
      .filter(([p, v]) => before.get(p) !== v)
      .map(([p]) => p)
      .sort(),
    removed: [...before.keys()].filter((p) => !after.has(p)).sort(),
  };
}

function edit(f: Fuzzer, v: unknown): unknown {
  if (v === null || typeof v !== 'object')
    return f.chance(0.6) ? v : f.pick([1, 'x', true, null, {}, [], [{ name: 'a', x: 1 }]]);
  if (Array.isArray(v)) {
    const out = v.map((x) => (f.chance(0.3) ? edit(f, x) : x));
    if (f.chance(0.2)) out.pop();
    if (f.chance(0.2)) out.push({ name: `n${f.int(3)}`, v: f.int(5) });
    return out;
  }
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const k of Object.keys(out)) {
    if (f.chance(0.1)) delete out[k];
    else if (f.chance(0.3)) out[k] = edit(f, out[k]);
  }
  if (f.chance(0.2)) out[`k${f.int(3)}`] = f.pick([1, { a: 1 }, [{ name: 'z' }]]);
  return out;
}

describe('managedFields of updates', () => {
  const objects = loadFixtures().flatMap((f) => f.docs) as unknown as KObject[];
  const f = new Fuzzer(rng(42));

  it('finds exactly the fields an update changes and drops, sharing or not sharing subtrees', () => {
    let compared = 0;
    let nonEmpty = 0;
    for (let round = 0; round < 20; round++) {
      for (const base of objects) {
        const old = deepFreeze(clone(base));
        const edited = edit(f, clone(base)) as KObject;
        // Half the time the untouched parts are the stored object's own (frozen) subtrees.
        const next = (f.chance(0.5) ? { ...old, ...edited } : edited) as KObject;
        next.metadata = {
          ...(old.metadata ?? {}),
          ...(typeof next.metadata === 'object' && next.metadata && !Array.isArray(next.metadata) ? next.metadata : {}),
        };
        const d = fieldDiff(old, next);
        const want = expectedDiff(old, next);
        expect({ changed: [...d.changed.keys()].sort(), removed: [...d.removed.keys()].sort() }).toEqual(want);
        compared++;
        if (want.changed.length || want.removed.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  });

  it('gives a new object one entry with every field it sets, and moves changed fields to their new manager', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const vm = clone(objects.find((o) => o.kind === 'VirtualMachine')!);
    vm.metadata.labels = { app: 'x' };
    trackUpdate(undefined, vm, 'kubectl', 'v1', undefined, now);
    const created = vm.metadata.managedFields!;
    expect(created).toHaveLength(1);
    const paths = [...fieldsOf(vm).keys()];
    expect(paths.length).toBeGreaterThan(5);
    const stored = deepFreeze(vm);
    const next = { ...stored, metadata: { ...stored.metadata, labels: { app: 'y' } } };
    trackUpdate(stored, next, 'other', 'v1', undefined, now);
    const [first, second] = next.metadata.managedFields!;
    expect(first.manager).toBe('kubectl');
    expect(JSON.stringify(first.fieldsV1)).not.toContain('"f:app"');
    expect(second).toMatchObject({
      manager: 'other',
      operation: 'Update',
      fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } } },
    });
  });
});
