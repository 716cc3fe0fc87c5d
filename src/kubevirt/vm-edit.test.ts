import { describe, expect, it } from 'vitest';
import { formatPairs, mapAssignment, mergePatchOf, parsePairs, serverChanges, valueAt } from './vm-edit';

describe('VM edits as merge patches', () => {
  it('builds one merge patch from assignments, with the resourceVersion as a precondition', () => {
    const patch = mergePatchOf(
      [
        { path: ['spec', 'template', 'spec', 'domain', 'cpu', 'sockets'], value: 4 },
        { path: ['spec', 'template', 'spec', 'domain', 'memory', 'guest'], value: '2Gi' },
        { path: ['spec', 'running'], value: null },
        { path: ['metadata', 'labels'], value: { a: 'b', gone: null } },
      ],
      '42',
    );
    expect(patch).toEqual({
      spec: { template: { spec: { domain: { cpu: { sockets: 4 }, memory: { guest: '2Gi' } } } }, running: null },
      metadata: { labels: { a: 'b', gone: null }, resourceVersion: '42' },
    });
  });

  it('turns a map edit into changed keys and nulls for removed ones', () => {
    expect(
      mapAssignment(
        ['metadata', 'labels'],
        { keep: '1', change: '1', drop: '1' },
        { keep: '1', change: '2', add: '3' },
      ),
    ).toEqual({ path: ['metadata', 'labels'], value: { drop: null, change: '2', add: '3' } });
  });

  it('says which edited fields changed on the server, and whether only others did', () => {
    const base = { metadata: { resourceVersion: '1', labels: { a: '1' } }, spec: { x: 1, y: 1 } };
    const fresh = { metadata: { resourceVersion: '2', labels: { a: '2' } }, spec: { x: 1, y: 2 } };
    const onX = [{ path: ['spec', 'x'], value: 5 }];
    expect(serverChanges(base, fresh, onX)).toEqual({ changes: [], others: true });
    expect(serverChanges(base, fresh, [{ path: ['spec', 'y'], value: 5 }]).changes).toEqual([
      { field: 'spec.y', before: 1, now: 2 },
    ]);
    expect(serverChanges(base, fresh, [{ path: ['metadata', 'labels'], value: { a: '3' } }]).changes).toEqual([
      { field: 'metadata.labels.a', before: '1', now: '2' },
    ]);
    const statusOnly = { ...base, metadata: { ...base.metadata, resourceVersion: '3' }, status: { ready: true } };
    expect(serverChanges(base, statusOnly, onX)).toEqual({ changes: [], others: false });
  });

  it('reads values and key=value lines', () => {
    expect(valueAt({ a: { b: [1] } }, ['a', 'b'])).toEqual([1]);
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(parsePairs('a=1\n\n b = two=2 \nflag\n=x')).toEqual({
      pairs: { a: '1', b: 'two=2', flag: '' },
      problems: ['line 5: a key is needed before "="'],
    });
    expect(formatPairs({ b: '2', a: '1' })).toBe('a=1\nb=2');
  });
});
