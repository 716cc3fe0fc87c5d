// The PromQL evaluator against hand-made series whose answers are known: every supported construct,
// Prometheus's semantics (lookback, staleness, extrapolated rates), its errors and its limits.
import { describe, expect, it } from 'vitest';
import { RingStore } from '../ring-store.js';
import { parseQuery } from './parse.js';
import { instantQuery, rangeQuery } from './eval.js';
import { PromqlError } from './ast.js';
import type { Value } from './values.js';

const T0 = 1_700_000_000_000;
const STEP = 15_000;

/** Two VMIs scraped every 15 s for 10 minutes: CPU counters rising 0.5 and 2 cores, memory gauges. */
function store(): RingStore {
  const db = new RingStore();
  for (let i = 0; i <= 40; i++) {
    const t = T0 + i * STEP;
    const s = i * 15;
    db.append('a', t, [
      { labels: { __name__: 'cpu_total', namespace: 'ns1', name: 'a', node: 'n1' }, value: 0.5 * s },
      { labels: { __name__: 'mem', namespace: 'ns1', name: 'a', node: 'n1' }, value: 100 },
      { labels: { __name__: 'net', namespace: 'ns1', name: 'a', interface: 'default' }, value: 10 * s },
      { labels: { __name__: 'net', namespace: 'ns1', name: 'a', interface: 'second' }, value: 1 * s },
    ]);
    db.append('b', t, [
      { labels: { __name__: 'cpu_total', namespace: 'ns2', name: 'b', node: 'n2' }, value: 2 * s },
      { labels: { __name__: 'mem', namespace: 'ns2', name: 'b', node: 'n2' }, value: 300 },
    ]);
  }
  return db;
}

const END = T0 + 40 * STEP;
const db = store();

function q(text: string, t = END): Value {
  return instantQuery(db, parseQuery(text), t);
}

/** The vector's values by the given label (or the scalar). */
function values(v: Value, by = 'name'): Record<string, number> | number {
  if (v.type === 'scalar') return v.value;
  if (v.type !== 'vector') throw new Error(`not a vector: ${v.type}`);
  return Object.fromEntries(v.samples.map((s) => [s.labels[by] ?? '', s.value]));
}

function error(fn: () => unknown): PromqlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PromqlError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('selectors', () => {
  it('match =, !=, =~ and !~, and keep __name__', () => {
    expect(values(q('mem'))).toEqual({ a: 100, b: 300 });
    expect(values(q('mem{namespace="ns1"}'))).toEqual({ a: 100 });
    expect(values(q('mem{namespace!="ns1"}'))).toEqual({ b: 300 });
    expect(values(q('mem{name=~"a|b"}'))).toEqual({ a: 100, b: 300 });
    expect(values(q('mem{name=~"b"}'))).toEqual({ b: 300 });
    expect(values(q('mem{name!~"a.*"}'))).toEqual({ b: 300 });
    expect(values(q('{__name__="mem",name="a"}'))).toEqual({ a: 100 });
    expect(values(q('mem{}'))).toEqual({ a: 100, b: 300 });
    expect(values(q('sum(rate(cpu_total{}[5m]))'), 'x')).toEqual({ '': expect.closeTo(2.5, 9) });
    const v = q('mem{name="a"}');
    expect(v.type === 'vector' && v.samples[0].labels).toEqual({
      __name__: 'mem',
      namespace: 'ns1',
      name: 'a',
      node: 'n1',
    });
  });

  it('regexes are anchored, as Prometheus anchors them', () => {
    expect(values(q('mem{name=~"."}'))).toEqual({ a: 100, b: 300 });
    expect(values(q('mem{namespace=~"ns"}'))).toEqual({});
  });

  it('look back 5 minutes for the newest sample, and offset moves the instant', () => {
    expect(values(q('mem', END + 4 * 60_000))).toEqual({ a: 100, b: 300 });
    expect(values(q('mem', END + 6 * 60_000))).toEqual({});
    expect(values(q('cpu_total offset 5m'))).toEqual({ a: 0.5 * 300, b: 2 * 300 });
    expect(values(q('mem', T0 - 1))).toEqual({});
  });

  it('a series absent from the newest scrape is stale at once', () => {
    const s = new RingStore();
    s.append('x', T0, [{ labels: { __name__: 'g', name: 'x' }, value: 1 }]);
    s.append('x', T0 + STEP, []);
    expect(values(instantQuery(s, parseQuery('g'), T0 + STEP + 1))).toEqual({});
    expect(values(instantQuery(s, parseQuery('g'), T0 + 1))).toEqual({ x: 1 });
    s.markStale('x', T0 + 2 * STEP);
  });
});

describe('range functions', () => {
  it('rate, irate and increase of a steady counter are its slope', () => {
    const rate = values(q('rate(cpu_total[5m])')) as Record<string, number>;
    expect(rate.a).toBeCloseTo(0.5, 9);
    expect(rate.b).toBeCloseTo(2, 9);
    expect((values(q('irate(cpu_total[1m])')) as Record<string, number>).b).toBeCloseTo(2, 9);
    expect((values(q('increase(cpu_total[5m])')) as Record<string, number>).a).toBeCloseTo(150, 6);
    const v = q('rate(cpu_total[5m])');
    expect(v.type === 'vector' && v.samples[0].labels.__name__).toBeUndefined();
  });

  it('rate corrects a counter reset', () => {
    const s = new RingStore();
    const vals = [10, 20, 30, 5, 15];
    vals.forEach((v, i) => s.append('x', T0 + i * STEP, [{ labels: { __name__: 'c', name: 'x' }, value: v }]));
    const inc = values(instantQuery(s, parseQuery('increase(c[60s])'), T0 + 4 * STEP)) as Record<string, number>;
    // The window (T0, T0+60s] leaves out 10: 20→30, reset, 5→15 is 10 + 5 + 10 = 25 over the 45 s the
    // samples span, extrapolated by the 15 s to the window's start: 25 × 60/45.
    expect(inc.x).toBeCloseTo(100 / 3, 9);
  });

  it('needs two samples in the window', () => {
    expect(values(q('rate(cpu_total[10s])'))).toEqual({});
  });

  it('*_over_time and delta of gauges', () => {
    expect(values(q('avg_over_time(mem[5m])'))).toEqual({ a: 100, b: 300 });
    expect(values(q('max_over_time(mem[5m])'))).toEqual({ a: 100, b: 300 });
    expect(values(q('count_over_time(mem[1m])'))).toEqual({ a: 4, b: 4 });
    expect(values(q('delta(mem[5m])'))).toEqual({ a: 0, b: 0 });
  });
});

describe('aggregations', () => {
  it('sum, avg, min, max, count, group with by and without', () => {
    expect(values(q('sum(mem)'), 'x')).toEqual({ '': 400 });
    expect(values(q('avg(mem)'), 'x')).toEqual({ '': 200 });
    expect(values(q('min(mem)'), 'x')).toEqual({ '': 100 });
    expect(values(q('max(mem)'), 'x')).toEqual({ '': 300 });
    expect(values(q('count(net)'), 'x')).toEqual({ '': 2 });
    expect(values(q('group(net)'), 'x')).toEqual({ '': 1 });
    expect(values(q('sum by (namespace) (mem)'), 'namespace')).toEqual({ ns1: 100, ns2: 300 });
    const without = q('sum without (interface) (net)');
    expect(without.type === 'vector' && without.samples.map((s) => s.labels)).toEqual([
      { namespace: 'ns1', name: 'a' },
    ]);
    expect(values(q('sum(rate(net{name="a"}[5m]))'), 'x')).toEqual({ '': expect.closeTo(11, 9) });
  });

  it('topk and bottomk keep the series labels, per group', () => {
    const top = q('topk(1, sum by (namespace, name) (rate(cpu_total[5m])))');
    expect(top.type === 'vector' && top.samples.map((s) => s.labels.name)).toEqual(['b']);
    expect(values(q('bottomk(1, mem)'))).toEqual({ a: 100 });
    expect(values(q('topk(5, mem)'))).toEqual({ a: 100, b: 300 });
    expect(values(q('topk by (namespace) (1, mem)'))).toEqual({ a: 100, b: 300 });
    expect(values(q('topk(0, mem)'))).toEqual({});
  });
});

describe('operators', () => {
  it('arithmetic with scalars and between matching vectors', () => {
    expect(values(q('mem * 2'))).toEqual({ a: 200, b: 600 });
    expect(values(q('1000 - mem'))).toEqual({ a: 900, b: 700 });
    expect(values(q('2 ^ 3 + 1 % 3'))).toBe(9);
    expect(values(q('-mem'))).toEqual({ a: -100, b: -300 });
    expect(values(q('mem / on (name) rate(cpu_total[5m])'))).toEqual({
      a: expect.closeTo(200, 6),
      b: expect.closeTo(150, 6),
    });
    expect(values(q('mem + ignoring (node) mem'))).toEqual({ a: 200, b: 600 });
    const sum = q('sum by (name) (rate(net[5m])) + sum by (name) (rate(net[5m]))');
    expect(values(sum)).toEqual({ a: expect.closeTo(22, 9) });
  });

  it('comparisons filter, or answer 0/1 with bool', () => {
    expect(values(q('mem > 150'))).toEqual({ b: 300 });
    expect(values(q('mem > bool 150'))).toEqual({ a: 0, b: 1 });
    expect(values(q('2 > bool 1'))).toBe(1);
  });

  it('and, or, unless', () => {
    expect(values(q('mem and mem{name="a"}'))).toEqual({ a: 100 });
    expect(values(q('mem unless mem{name="a"}'))).toEqual({ b: 300 });
    expect(values(q('mem{name="a"} or mem'))).toEqual({ a: 100, b: 300 });
  });

  it('refuses many-to-many matches', () => {
    expect(error(() => q('net + on (name) mem')).errorType).toBe('execution');
  });
});

describe('functions', () => {
  it('of values, and scalar/vector/time', () => {
    expect(values(q('abs(-mem)'))).toEqual({ a: 100, b: 300 });
    expect(values(q('clamp_max(mem, 200)'))).toEqual({ a: 100, b: 200 });
    expect(values(q('clamp_min(mem, 200)'))).toEqual({ a: 200, b: 300 });
    expect(values(q('scalar(mem{name="a"})'))).toBe(100);
    expect(values(q('scalar(mem)'))).toBeNaN();
    expect(values(q('vector(3)'), 'x')).toEqual({ '': 3 });
    expect(values(q('time()'))).toBe(END / 1000);
    const sorted = q('sort_desc(mem)');
    expect(sorted.type === 'vector' && sorted.samples.map((s) => s.value)).toEqual([300, 100]);
  });
});

describe('range queries', () => {
  it('evaluate at each step', () => {
    const v = rangeQuery(db, parseQuery('sum(rate(cpu_total[1m]))'), END - 60_000, END, 30_000);
    expect(v.type).toBe('matrix');
    if (v.type !== 'matrix') return;
    expect(v.series).toHaveLength(1);
    expect(v.series[0].t).toEqual([END - 60_000, END - 30_000, END]);
    for (const x of v.series[0].v) expect(x).toBeCloseTo(2.5, 9);
  });

  it('refuse more than 11,000 points per series, bad steps and reversed ranges', () => {
    const e = parseQuery('mem');
    expect(error(() => rangeQuery(db, e, 0, 11_000 * 1000, 1000)).message).toContain(
      'exceeded maximum resolution of 11,000 points per timeseries',
    );
    expect(() => rangeQuery(db, e, 0, 10_999 * 1000, 1000)).not.toThrow();
    expect(error(() => rangeQuery(db, e, 0, 1e15, 1)).message).toContain('11,000');
    expect(error(() => rangeQuery(db, e, 0, 10, 0)).message).toContain('zero or negative');
    expect(error(() => rangeQuery(db, e, 0, 10, -5)).message).toContain('zero or negative');
    expect(error(() => rangeQuery(db, e, 10, 0, 1)).message).toContain('end timestamp must not be before start time');
    expect(error(() => rangeQuery(db, parseQuery('mem[5m]'), 0, 10, 1)).message).toContain('invalid expression type');
  });

  it('stop at the bound on samples loaded', () => {
    const e = instantQuery.bind(null, db, parseQuery('rate(cpu_total[10m])'), END);
    expect(() => e({ maxSamples: 1000 })).not.toThrow();
    expect(error(() => e({ maxSamples: 50 })).message).toContain('too many samples');
  });
});

describe('errors, as Prometheus words them', () => {
  it.each([
    ['', 'no expression'],
    ['sum(', 'parse error'],
    ['mem{', 'parse error'],
    ['mem +', 'parse error'],
    ['{}', 'at least one non-empty matcher'],
    ['{name=~".*"}', 'at least one non-empty matcher'],
    ['rate(mem)', 'expected type range vector in call to function "rate", got instant vector'],
    ['sum(mem[5m])', 'expected type instant vector in aggregation expression, got range vector'],
    ['abs(mem, 1)', 'expected 1 argument'],
    ['histogram_quantile(0.9, mem)', 'not supported'],
    ['label_replace(mem, "a", "b", "c", "d")', 'not supported'],
    ['quantile(0.5, mem)', 'not supported'],
    ['rate(mem[5m])[10m:1m]', 'subqueries are not supported'],
    ['mem @ 100', 'not supported'],
    ['mem * on (name) group_left mem', 'group_left'],
    ['1 > 2', 'BOOL'],
    ['mem and 1', 'set operator'],
    ['mem[5m] + 1', 'binary expression must contain only scalar and instant vector types'],
    ['mem{name=~"(a+)+"}', 'invalid regular expression'],
    ['mem{name=~"(a|aa)*b"}', 'invalid regular expression'],
    ['mem{name=~"(a)\\\\1"}', 'backreferences'],
    ['mem{name=~"["}', 'invalid regular expression'],
    ['mem[0s]', 'greater than zero'],
    ['"a" + 1', 'binary expression'],
  ])('%s', (text, message) => {
    const e = error(() => instantQuery(db, parseQuery(text), END));
    expect(e.errorType).toBe('bad_data');
    expect(e.message).toContain(message);
  });

  it('refuse hostile sizes: deep nesting and very long queries', () => {
    expect(error(() => parseQuery('('.repeat(5000) + '1' + ')'.repeat(5000))).message).toMatch(/nests|parse error/);
    expect(error(() => parseQuery('-'.repeat(200) + '1')).message).toContain('nests');
    expect(error(() => parseQuery('mem + '.repeat(5000) + 'mem')).message).toContain('longer than');
  });
});
