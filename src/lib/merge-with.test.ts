import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rng } from '../../test/support/fuzz/fuzz-mutations';
import mergeWith from './merge-with';

// The oracle: lodash's own mergeWith, which this replaces in PatternFly's table (it is in
// node_modules as @patternfly/react-table's dependency). Each case builds the same inputs twice,
// merges one copy with each, and compares the results, the customizer's calls and which result
// values are the sources' own objects.
const lodashMergeWith = createRequire(import.meta.url)('lodash/mergeWith') as (...args: unknown[]) => unknown;

class Thing {
  constructor(public n: number) {}
}
const KEYS = ['a', 'b', 'className', 'children', 'style', 'length', '0', '1', 'constructor', '__proto__', 'props'];
function argumentsOf(..._values: unknown[]) {
  // eslint-disable-next-line prefer-rest-params -- an arguments object is what is being built
  return arguments as unknown as Record<string, unknown>;
}

/** A React element as React's production build makes it (a plain object; src/lib has no React). */
const ELEMENT = Symbol.for('react.transitional.element');
interface Element {
  $$typeof: symbol;
  type: string;
  key: null;
  props: Record<string, unknown>;
}
const element = (className: string, children: unknown): Element => ({
  $$typeof: ELEMENT,
  type: 'span',
  key: null,
  props: { className, children },
});
const isElement = (v: unknown) => typeof v === 'object' && v !== null && (v as Element).$$typeof === ELEMENT;
/** React's cloneElement(a, { children }), for a valid element (it throws otherwise, as React's). */
function cloneElement(a: unknown, children: unknown): Element {
  if (!isElement(a)) throw new TypeError('not an element');
  return { ...(a as Element), props: { ...(a as Element).props, children } };
}

function build(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const value = (depth: number): unknown => {
    const kind = Math.floor(r() * (depth > 2 ? 8 : 16));
    switch (kind) {
      case 0:
        return undefined;
      case 1:
        return null;
      case 2:
        return pick([0, -0, 1, NaN, 42]);
      case 3:
        return pick(['', 'x', 'pf-m-compact']);
      case 4:
        return r() < 0.5;
      case 5:
        return () => 1;
      case 6:
        return new Date(86400000 * Math.floor(r() * 10));
      case 7:
        return element(pick(['a', 'b']), pick(['text', 'more']));
      case 8:
      case 9:
      case 10:
        return object(depth + 1);
      case 11:
      case 12:
        return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
      case 13:
        return pick([
          () => new Thing(3),
          () => argumentsOf(1, 'two'),
          () => ({ length: 2, 0: 'zero', x: 1 }),
          () => Object.create(null) as object,
        ])();
      case 14:
        return JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as unknown;
      default:
        return object(depth + 1);
    }
  };
  const object = (depth: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      const key = pick(KEYS);
      if (key === '__proto__') continue;
      o[key] = value(depth);
    }
    return o;
  };
  const sources = Array.from({ length: 1 + Math.floor(r() * 4) }, () => (r() < 0.1 ? value(0) : object(0)));
  return { target: r() < 0.2 ? object(0) : {}, sources };
}

/** merge-props.js's customizer (children composed, class names joined), with its calls logged. */
function patternflyCustomizer(log: string[]) {
  return (a: unknown, b: unknown, key: string) => {
    log.push(`${key}:${typeof a}:${typeof b}`);
    if (key === 'children') {
      if (a && b) return cloneElement(a, b);
      return Object.assign({}, b, a);
    }
    if (key === 'className') return [a, b].filter(Boolean).join(' ');
    return undefined;
  };
}

/** A result as a comparable tree: prototypes, own keys in order, and which values are a source's own objects. */
function describeValue(
  v: unknown,
  sources: unknown[],
  before: Map<unknown, string>,
  seen = new Map<unknown, string>(),
  path = '$',
): unknown {
  if (path.split('.').length > 12) return 'deeper';
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
    return typeof v === 'number' && Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v;
  }
  if (typeof v === 'function') return 'function';
  for (let i = 0; i < sources.length; i++) {
    const where = findIn(sources[i], v, `source${i}`);
    if (where) return `same object as ${where}`;
  }
  // One of the target's own objects (merged into in place), the target itself aside.
  if (path !== '$' && before.has(v))
    return { mergedInto: before.get(v), value: describeValue({ ...v }, sources, new Map(), seen, path) };
  if (seen.has(v)) return `cycle to ${seen.get(v)}`;
  seen.set(v, path);
  const element = isElement(v);
  const proto = Object.getPrototypeOf(v) as object | null;
  const protoName = proto === null ? 'null' : (proto.constructor?.name ?? 'anonymous');
  const entries = Object.keys(v).map((k) => [
    String(k),
    describeValue((v as Record<PropertyKey, unknown>)[k], sources, before, seen, `${path}.${String(k)}`),
  ]);
  if (v instanceof Date) entries.push(['time', v.getTime()]);
  return { proto: protoName, element, entries };
}

/** Every object in `root` with its path (before a merge changes it). */
function objectsIn(root: unknown, path: string, out = new Map<unknown, string>(), depth = 0): Map<unknown, string> {
  if (depth > 8 || root === null || typeof root !== 'object' || out.has(root)) return out;
  out.set(root, path);
  for (const k of Object.keys(root)) objectsIn((root as Record<string, unknown>)[k], `${path}.${k}`, out, depth + 1);
  return out;
}

function findIn(root: unknown, target: unknown, path: string, depth = 0): string | undefined {
  if (root === target) return path;
  if (depth > 8 || root === null || typeof root !== 'object') return undefined;
  for (const k of Object.keys(root)) {
    const found = findIn((root as Record<PropertyKey, unknown>)[k], target, `${path}.${String(k)}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function run(impl: (...args: unknown[]) => unknown, seed: number, withCustomizer: boolean) {
  const { target, sources } = build(seed);
  const log: string[] = [];
  const before = objectsIn(target, 'target');
  let result: unknown;
  let error: string | undefined;
  try {
    result = withCustomizer ? impl(target, ...sources, patternflyCustomizer(log)) : impl(target, ...sources);
  } catch (e) {
    error = e instanceof Error ? e.constructor.name : String(e);
  }
  return {
    error,
    log,
    result: error ? undefined : describeValue(result, sources, before),
    targetReturned: result === target,
  };
}

describe('mergeWith', () => {
  it('merges as lodash does: 3,000 random cases with and without PatternFly’s customizer', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      for (const withCustomizer of [false, true]) {
        const ours = run(mergeWith as (...args: unknown[]) => unknown, seed, withCustomizer);
        const theirs = run(lodashMergeWith, seed, withCustomizer);
        expect(ours, `seed ${seed}, customizer ${withCustomizer}`).toEqual(theirs);
      }
    }
  });

  it('merges a cell’s props as PatternFly’s table does', () => {
    const log: string[] = [];
    const customizer = patternflyCustomizer(log);
    const child = element('pf-v6-c-check__input', undefined);
    const args = () => [
      {},
      { className: 'pf-v6-c-table__check', component: 'td', children: child },
      { className: 'pf-m-width-10', style: { width: '10%' } },
      { style: { minWidth: 40 }, isVisible: true, children: undefined },
    ];
    const ours = mergeWith(...(args() as [unknown, ...unknown[]]), customizer) as Record<string, unknown>;
    expect(ours).toEqual(lodashMergeWith(...args(), patternflyCustomizer([])));
    expect(ours.className).toBe('pf-v6-c-table__check pf-m-width-10');
    expect(ours.style).toEqual({ width: '10%', minWidth: 40 });
    expect(ours.isVisible).toBe(true);
  });

  // Not among the random values: a typed array's length has only a getter, which a random key may
  // try to set (lodash, not in strict mode here, fails silently; this module throws).
  it('copies a typed array as lodash does', () => {
    const args = () => [{ a: { b: 1 } }, { a: new Uint8Array([1, 2, 3]), c: new Float32Array([0.5]) }];
    const ours = mergeWith(...(args() as [unknown, ...unknown[]]));
    expect(ours).toEqual(lodashMergeWith(...args()));
    expect((ours as { a: unknown }).a).toBeInstanceOf(Uint8Array);
  });

  it('reads its arguments as lodash does: a lone function is a source, null from the customizer is a value, an object merged into itself is left alone', () => {
    const same = (...args: unknown[]) => {
      const copy = () => args.map((a) => (typeof a === 'object' && a !== null ? structuredClone(a) : a));
      expect(describeValue(mergeWith(...(copy() as [unknown, ...unknown[]])), [], new Map())).toEqual(
        describeValue(lodashMergeWith(...copy()), [], new Map()),
      );
    };
    const fn = Object.assign(() => 1, { a: 1 });
    same({ b: 2 }, fn);
    same({ a: 1, b: { c: 1 } }, { a: 2, b: { c: 2, d: 3 } }, (_a: unknown, _b: unknown, key: string) =>
      key === 'c' ? null : undefined,
    );
    const o = { a: [1, { b: 2 }], c: { d: 1 } };
    expect(mergeWith(o, o)).toBe(o);
    expect(o).toEqual({ a: [1, { b: 2 }], c: { d: 1 } });
  });

  it('keeps a cycle as lodash does instead of recursing forever', () => {
    const cyclic = () => {
      const o: Record<string, unknown> = { a: 1 };
      o.self = o;
      return o;
    };
    const ours = mergeWith({}, cyclic());
    const theirs = lodashMergeWith({}, cyclic());
    expect(describeValue(ours, [], new Map())).toEqual(describeValue(theirs, [], new Map()));
  });
});
