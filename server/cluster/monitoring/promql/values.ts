/** Values an expression evaluates to, and what the evaluator reads series from. */
import type { Matcher } from './ast.js';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels: Labels;
  value: number;
}

export interface RangeSeries {
  labels: Labels;
  t: number[];
  v: number[];
}

export type Value =
  | { type: 'scalar'; value: number }
  | { type: 'string'; value: string }
  | { type: 'vector'; samples: Sample[] }
  | { type: 'matrix'; series: RangeSeries[] };

/** One stored series: its labels (with `__name__`) and its samples, oldest first. */
export interface StoredSeries {
  readonly labels: Labels;
  /** Appends the samples with fromMs < t <= toMs (stale markers left out) to `out`; returns how many. */
  samples(fromMs: number, toMs: number, out: { t: number[]; v: number[] }): number;
  /** The newest sample with fromMs < t <= toMs, or undefined. */
  latest(fromMs: number, toMs: number): { t: number; v: number } | undefined;
}

/** Where selectors find series. */
export interface Queryable {
  select(matchers: Matcher[]): StoredSeries[];
}

export function matches(m: Matcher, value: string | undefined): boolean {
  const v = value ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return m.re!.test(v);
    case '!~':
      return !m.re!.test(v);
  }
}

/** Labels without `__name__` (what arithmetic and most functions return). */
export function dropName(labels: Labels): Labels {
  if (!('__name__' in labels)) return labels;
  const { __name__: _drop, ...rest } = labels;
  return rest;
}

/** A stable text key for a label set. */
export function labelsKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

/** Prometheus's text for a sample value (Go's FormatFloat 'f', -1 for the common cases). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
