/** The PromQL expressions this endpoint evaluates (a subset of Prometheus's; see README in this folder). */

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** For =~ and !~: the fully anchored pattern, as Prometheus anchors its RE2 patterns. */
  re?: RegExp;
}

export interface VectorSelector {
  kind: 'vector';
  matchers: Matcher[];
  /** `offset` in ms (positive: the past). */
  offsetMs: number;
  /** A stable key for caching the matching series within one query. */
  key: string;
}

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | VectorSelector
  | { kind: 'matrix'; selector: VectorSelector; rangeMs: number }
  | { kind: 'call'; func: string; args: Expr[] }
  | {
      kind: 'aggregate';
      op: AggregateOp;
      param?: Expr;
      expr: Expr;
      grouping: string[];
      without: boolean;
    }
  | {
      kind: 'binary';
      op: BinaryOp;
      lhs: Expr;
      rhs: Expr;
      returnBool: boolean;
      matching?: { on: boolean; labels: string[] };
    }
  | { kind: 'unary'; op: '-' | '+'; expr: Expr };

export const AGGREGATE_OPS = ['sum', 'avg', 'min', 'max', 'count', 'topk', 'bottomk', 'group'] as const;
export type AggregateOp = (typeof AGGREGATE_OPS)[number];

export const ARITHMETIC_OPS = ['+', '-', '*', '/', '%', '^'] as const;
export const COMPARISON_OPS = ['==', '!=', '>', '<', '>=', '<='] as const;
export const SET_OPS = ['and', 'or', 'unless'] as const;
export type BinaryOp = (typeof ARITHMETIC_OPS)[number] | (typeof COMPARISON_OPS)[number] | (typeof SET_OPS)[number];

/** Prometheus's value types, as its errors name them. */
export type ValueType = 'scalar' | 'string' | 'instant vector' | 'range vector';

/** A query error in Prometheus's API terms (`errorType` of the JSON answer). */
export class PromqlError extends Error {
  constructor(
    readonly errorType: 'bad_data' | 'execution',
    message: string,
  ) {
    super(message);
  }
}
