/** The PromQL functions this endpoint evaluates, with Prometheus's semantics. */
import type { ValueType } from './ast.js';

/** A range function: the samples of one series in the window → one value, or undefined (no output). */
export type RangeFn = (t: number[], v: number[], windowStart: number, windowEnd: number) => number | undefined;

/**
 * Prometheus's extrapolatedRate (promql/functions.go): the increase between the first and last
 * samples, corrected for counter resets, extrapolated toward the window's edges (at most half an
 * average sample interval beyond the samples, and not below zero for counters).
 */
function extrapolated(isCounter: boolean, isRate: boolean): RangeFn {
  return (t, v, start, end) => {
    const n = t.length;
    if (n < 2) return undefined;
    let result = v[n - 1] - v[0];
    if (isCounter) {
      for (let i = 1; i < n; i++) if (v[i] < v[i - 1]) result += v[i - 1];
    }
    let durationToStart = (t[0] - start) / 1000;
    const durationToEnd = (end - t[n - 1]) / 1000;
    const sampled = (t[n - 1] - t[0]) / 1000;
    const average = sampled / (n - 1);
    if (isCounter && result > 0 && v[0] >= 0) {
      const durationToZero = sampled * (v[0] / result);
      if (durationToZero < durationToStart) durationToStart = durationToZero;
    }
    const threshold = average * 1.1;
    let interval = sampled;
    interval += durationToStart < threshold ? durationToStart : average / 2;
    interval += durationToEnd < threshold ? durationToEnd : average / 2;
    let factor = interval / sampled;
    if (isRate) factor /= (end - start) / 1000;
    return result * factor;
  };
}

/** irate/idelta: the last two samples only. */
function instant(isRate: boolean): RangeFn {
  return (t, v) => {
    const n = t.length;
    if (n < 2) return undefined;
    const last = v[n - 1];
    const prev = v[n - 2];
    const diff = isRate && last < prev ? last : last - prev;
    if (!isRate) return diff;
    const dt = (t[n - 1] - t[n - 2]) / 1000;
    return dt === 0 ? undefined : diff / dt;
  };
}

const overTime =
  (fn: (v: number[]) => number): RangeFn =>
  (_t, v) =>
    v.length ? fn(v) : undefined;

export const RANGE_FUNCTIONS: Record<string, RangeFn> = {
  rate: extrapolated(true, true),
  increase: extrapolated(true, false),
  delta: extrapolated(false, false),
  irate: instant(true),
  idelta: instant(false),
  avg_over_time: overTime((v) => v.reduce((a, b) => a + b, 0) / v.length),
  sum_over_time: overTime((v) => v.reduce((a, b) => a + b, 0)),
  min_over_time: overTime((v) => v.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a))),
  max_over_time: overTime((v) => v.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a))),
  count_over_time: overTime((v) => v.length),
  last_over_time: overTime((v) => v[v.length - 1]),
};

/** Functions of one instant vector, value by value (the metric name is dropped). */
export const VALUE_FUNCTIONS: Record<string, (x: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
};

/** Argument and result types of every supported function. */
export const SIGNATURES: Record<string, { args: ValueType[]; returns: ValueType }> = {
  ...Object.fromEntries(
    Object.keys(RANGE_FUNCTIONS).map((f) => [
      f,
      { args: ['range vector'] as ValueType[], returns: 'instant vector' as ValueType },
    ]),
  ),
  ...Object.fromEntries(
    Object.keys(VALUE_FUNCTIONS).map((f) => [
      f,
      { args: ['instant vector'] as ValueType[], returns: 'instant vector' as ValueType },
    ]),
  ),
  clamp_min: { args: ['instant vector', 'scalar'], returns: 'instant vector' },
  clamp_max: { args: ['instant vector', 'scalar'], returns: 'instant vector' },
  round: { args: ['instant vector'], returns: 'instant vector' },
  scalar: { args: ['instant vector'], returns: 'scalar' },
  vector: { args: ['scalar'], returns: 'instant vector' },
  time: { args: [], returns: 'scalar' },
  sort: { args: ['instant vector'], returns: 'instant vector' },
  sort_desc: { args: ['instant vector'], returns: 'instant vector' },
};
