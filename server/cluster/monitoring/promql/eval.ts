/**
 * Evaluates parsed PromQL at one instant or over a range of steps, as Prometheus's engine does:
 * a 5-minute lookback for instant selectors, left-open range windows, extrapolated rates, and its
 * limits (at most 11,000 points per series in a range query, a bound on samples loaded).
 */
import { PromqlError, type Expr, type VectorSelector } from './ast.js';
import { RANGE_FUNCTIONS, VALUE_FUNCTIONS } from './functions.js';
import { typeOf } from './types.js';
import { aggregate } from './aggregate.js';
import { binary } from './binary.js';
import {
  dropName,
  labelsKey,
  type Queryable,
  type RangeSeries,
  type Sample,
  type StoredSeries,
  type Value,
} from './values.js';

export const LOOKBACK_MS = 5 * 60_000;
export const MAX_POINTS = 11_000;
/** Samples one query may load from storage (Prometheus's --query.max-samples is 50M; this store is small). */
export const MAX_SAMPLES = 5_000_000;

export interface EvalOptions {
  maxSamples?: number;
}

class Evaluator {
  private readonly selections = new Map<string, StoredSeries[]>();
  private loaded = 0;
  private readonly maxSamples: number;

  constructor(
    private readonly db: Queryable,
    opts: EvalOptions,
  ) {
    this.maxSamples = opts.maxSamples ?? MAX_SAMPLES;
  }

  private count(n: number): void {
    this.loaded += n;
    if (this.loaded > this.maxSamples)
      throw new PromqlError('execution', 'query processing would load too many samples into memory in query execution');
  }

  private select(sel: VectorSelector): StoredSeries[] {
    let found = this.selections.get(sel.key);
    if (!found) {
      found = this.db.select(sel.matchers);
      this.selections.set(sel.key, found);
    }
    return found;
  }

  at(e: Expr, t: number): Value {
    switch (e.kind) {
      case 'number':
        return { type: 'scalar', value: e.value };
      case 'string':
        return { type: 'string', value: e.value };
      case 'vector': {
        const at = t - e.offsetMs;
        const samples: Sample[] = [];
        for (const s of this.select(e)) {
          const hit = s.latest(at - LOOKBACK_MS, at);
          if (hit) samples.push({ labels: s.labels, value: hit.v });
        }
        this.count(samples.length);
        return { type: 'vector', samples };
      }
      case 'matrix': {
        const end = t - e.selector.offsetMs;
        const series: RangeSeries[] = [];
        for (const s of this.select(e.selector)) {
          const out = { t: [] as number[], v: [] as number[] };
          if (s.samples(end - e.rangeMs, end, out) > 0) series.push({ labels: s.labels, ...out });
          this.count(out.t.length);
        }
        return { type: 'matrix', series };
      }
      case 'unary': {
        const v = this.at(e.expr, t);
        if (e.op === '+') return v;
        if (v.type === 'scalar') return { type: 'scalar', value: -v.value };
        return { type: 'vector', samples: samplesOf(v).map((s) => ({ labels: dropName(s.labels), value: -s.value })) };
      }
      case 'call':
        return this.call(e.func, e.args, t);
      case 'aggregate': {
        const param = e.param ? scalarOf(this.at(e.param, t)) : undefined;
        return {
          type: 'vector',
          samples: aggregate(e.op, samplesOf(this.at(e.expr, t)), e.grouping, e.without, param),
        };
      }
      case 'binary':
        return binary(e, this.at(e.lhs, t), this.at(e.rhs, t));
    }
  }

  private call(func: string, args: Expr[], t: number): Value {
    const range = RANGE_FUNCTIONS[func];
    if (range) {
      const arg = args[0];
      const m = this.at(arg, t);
      const end = arg.kind === 'matrix' ? t - arg.selector.offsetMs : t;
      const start = arg.kind === 'matrix' ? end - arg.rangeMs : t;
      const samples: Sample[] = [];
      for (const s of m.type === 'matrix' ? m.series : []) {
        const value = range(s.t, s.v, start, end);
        if (value !== undefined) samples.push({ labels: dropName(s.labels), value });
      }
      return { type: 'vector', samples };
    }
    const fn = VALUE_FUNCTIONS[func];
    if (fn) return mapValues(this.at(args[0], t), fn);
    switch (func) {
      case 'round':
        return mapValues(this.at(args[0], t), (x) => Math.floor(x + 0.5));
      case 'clamp_min': {
        const min = scalarOf(this.at(args[1], t));
        return mapValues(this.at(args[0], t), (x) => Math.max(x, min));
      }
      case 'clamp_max': {
        const max = scalarOf(this.at(args[1], t));
        return mapValues(this.at(args[0], t), (x) => Math.min(x, max));
      }
      case 'scalar': {
        const s = samplesOf(this.at(args[0], t));
        return { type: 'scalar', value: s.length === 1 ? s[0].value : NaN };
      }
      case 'vector':
        return { type: 'vector', samples: [{ labels: {}, value: scalarOf(this.at(args[0], t)) }] };
      case 'time':
        return { type: 'scalar', value: t / 1000 };
      case 'sort':
      case 'sort_desc': {
        const s = [...samplesOf(this.at(args[0], t))];
        const dir = func === 'sort' ? 1 : -1;
        s.sort((a, b) => (Number.isNaN(a.value) ? 1 : Number.isNaN(b.value) ? -1 : dir * (a.value - b.value)));
        return { type: 'vector', samples: s };
      }
    }
    throw new PromqlError('bad_data', `function "${func}" is not supported by this endpoint`);
  }
}

function samplesOf(v: Value): Sample[] {
  return v.type === 'vector' ? v.samples : [];
}

function scalarOf(v: Value): number {
  return v.type === 'scalar' ? v.value : NaN;
}

function mapValues(v: Value, fn: (x: number) => number): Value {
  return { type: 'vector', samples: samplesOf(v).map((s) => ({ labels: dropName(s.labels), value: fn(s.value) })) };
}

/** An instant query at `timeMs`. */
export function instantQuery(db: Queryable, expr: Expr, timeMs: number, opts: EvalOptions = {}): Value {
  typeOf(expr);
  return new Evaluator(db, opts).at(expr, timeMs);
}

/** A range query: the expression at start, start+step, ... end (a scalar or instant vector expression). */
export function rangeQuery(
  db: Queryable,
  expr: Expr,
  startMs: number,
  endMs: number,
  stepMs: number,
  opts: EvalOptions = {},
): Value {
  const type = typeOf(expr);
  if (type !== 'scalar' && type !== 'instant vector')
    throw new PromqlError(
      'bad_data',
      `invalid expression type "${type}" for range query, must be Scalar or instant Vector`,
    );
  if (!(stepMs > 0))
    throw new PromqlError(
      'bad_data',
      'zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  if (endMs < startMs) throw new PromqlError('bad_data', 'end timestamp must not be before start time');
  if ((endMs - startMs) / stepMs + 1 > MAX_POINTS)
    throw new PromqlError(
      'bad_data',
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  const ev = new Evaluator(db, opts);
  const out = new Map<string, RangeSeries>();
  for (let t = startMs; t <= endMs; t += stepMs) {
    const v = ev.at(expr, t);
    const samples = v.type === 'scalar' ? [{ labels: {}, value: v.value }] : samplesOf(v);
    for (const s of samples) {
      const key = labelsKey(s.labels);
      let series = out.get(key);
      if (!series) out.set(key, (series = { labels: s.labels, t: [], v: [] }));
      series.t.push(t);
      series.v.push(s.value);
    }
  }
  return {
    type: 'matrix',
    series: [...out.values()].sort((a, b) => labelsKey(a.labels).localeCompare(labelsKey(b.labels))),
  };
}
