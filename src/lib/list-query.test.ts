import { describe, expect, it } from 'vitest';
import { compareIps, rowOrder } from './list-query';

const row = (namespace: string, search: string, v: string) => ({ namespace, search, v });

describe('rowOrder', () => {
  const rows = [row('b', 'x', '10.0.0.10'), row('a', 'y', ''), row('a', 'z', '10.0.0.9'), row('a', 'w', '10.0.0.10')];
  const order = (r: typeof rows, ...args: Parameters<typeof rowOrder<(typeof rows)[number]>>) =>
    [...r].sort(rowOrder(...args)).map((x) => `${x.namespace}/${x.search}`);

  it('sorts by the value, ties by namespace then name, rows without a value last', () => {
    expect(order(rows, (r) => r.v, 'asc', compareIps)).toEqual(['a/z', 'a/w', 'b/x', 'a/y']);
    expect(order(rows, (r) => r.v, 'desc', compareIps)).toEqual(['a/w', 'b/x', 'a/z', 'a/y']);
  });

  it('compares as text unless told otherwise', () => {
    expect(order(rows, (r) => r.v, 'asc')).toEqual(['a/w', 'b/x', 'a/z', 'a/y']);
  });
});
