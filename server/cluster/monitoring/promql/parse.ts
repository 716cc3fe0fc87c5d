/**
 * PromQL text → the expressions eval.ts evaluates. The grammar is Prometheus's own
 * (@prometheus-io/lezer-promql); this file only turns its syntax tree into a small AST, refusing what
 * the endpoint does not evaluate with Prometheus's `bad_data` error.
 */
import { parser } from '@prometheus-io/lezer-promql';
import {
  AGGREGATE_OPS,
  PromqlError,
  type AggregateOp,
  type BinaryOp,
  type Expr,
  type Matcher,
  type VectorSelector,
} from './ast.js';
import { compileRegex } from './regex.js';
import { parseDuration } from './duration.js';

/** Longest query text accepted (Prometheus has no limit; a URL rarely carries more). */
export const MAX_QUERY_LENGTH = 16 * 1024;
/** Deepest nesting accepted: evaluation recurses per level. */
const MAX_DEPTH = 64;

const BINARY: Record<string, BinaryOp> = {
  Add: '+',
  Sub: '-',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Pow: '^',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  And: 'and',
  Or: 'or',
  Unless: 'unless',
};

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

const bad = (message: string) => new PromqlError('bad_data', message);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function parseQuery(text: string): Expr {
  if (text.length > MAX_QUERY_LENGTH) throw bad(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
  if (text.trim() === '') throw bad('parse error: no expression found in input');
  const tree = parser.parse(text);
  let error: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError && error === undefined) error = n.from;
    },
  });
  if (error !== undefined) {
    const near = text.slice(error, error + 20);
    throw bad(`1:${error + 1}: parse error: unexpected ${near ? JSON.stringify(near) : 'end of input'}`);
  }
  const top = tree.topNode.firstChild;
  if (!top) throw bad('parse error: no expression found in input');
  return new Converter(text).expr(top, 0);
}

class Converter {
  private selectors = 0;
  constructor(private readonly text: string) {}

  private src(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  expr(n: SyntaxNode, depth: number): Expr {
    if (depth > MAX_DEPTH) throw bad(`the query nests more than ${MAX_DEPTH} levels deep`);
    const d = depth + 1;
    const kids = children(n);
    switch (n.type.name) {
      case 'ParenExpr':
        return this.expr(kids[0], d);
      case 'NumberDurationLiteral':
        return { kind: 'number', value: parseNumber(this.src(n)) };
      case 'StringLiteral':
        return { kind: 'string', value: unquote(this.src(n)) };
      case 'VectorSelector':
        return this.selector(n);
      case 'MatrixSelector': {
        const inner = this.expr(kids[0], d);
        if (inner.kind !== 'vector') throw bad('ranges only allowed for vector selectors');
        return { kind: 'matrix', selector: inner, rangeMs: this.duration(kids[kids.length - 1]) };
      }
      case 'OffsetExpr': {
        const inner = this.expr(kids[0], d);
        const offsetMs = this.duration(kids[kids.length - 1], true);
        const sel = inner.kind === 'matrix' ? inner.selector : inner.kind === 'vector' ? inner : undefined;
        if (!sel) throw bad('offset modifier must be preceded by an instant vector selector or range vector selector');
        sel.offsetMs = offsetMs;
        sel.key += ` offset ${offsetMs}`;
        return inner;
      }
      case 'UnaryExpr': {
        const op = this.src(kids[0]) === '-' ? '-' : '+';
        return { kind: 'unary', op, expr: this.expr(kids[1], d) };
      }
      case 'FunctionCall': {
        const func = this.src(kids[0]);
        const body = kids[1] ? children(kids[1]) : [];
        return { kind: 'call', func, args: body.map((a) => this.expr(a, d)) };
      }
      case 'AggregateExpr':
        return this.aggregate(kids, d);
      case 'BinaryExpr':
        return this.binary(kids, d);
      case 'SubqueryExpr':
        throw bad('subqueries are not supported by this endpoint');
      case 'StepInvariantExpr':
        throw bad('the @ modifier is not supported by this endpoint');
      default:
        throw bad(`${n.type.name} is not supported by this endpoint`);
    }
  }

  private duration(n: SyntaxNode, allowSign = false): number {
    let text = this.src(n).trim();
    let sign = 1;
    if (allowSign && /^[-+]/.test(text)) {
      sign = text.startsWith('-') ? -1 : 1;
      text = text.slice(1).trim();
    }
    const ms = parseDuration(text);
    if (ms === undefined) throw bad(`not a duration: ${JSON.stringify(text)}`);
    if (!allowSign && ms <= 0) throw bad('range must be greater than zero');
    return sign * ms;
  }

  private selector(n: SyntaxNode): VectorSelector {
    const matchers: Matcher[] = [];
    for (const part of children(n)) {
      if (part.type.name === 'Identifier') matchers.push({ name: '__name__', op: '=', value: this.src(part) });
      else if (part.type.name === 'LabelMatchers') {
        for (const m of children(part)) matchers.push(this.matcher(m));
      }
    }
    if (!matchers.some((m) => !matchesEmpty(m)))
      throw bad('vector selector must contain at least one non-empty matcher');
    const key = `${this.selectors++}`;
    return { kind: 'vector', matchers, offsetMs: 0, key };
  }

  private matcher(n: SyntaxNode): Matcher {
    const kids = children(n);
    if (n.type.name === 'QuotedLabelName') return { name: '__name__', op: '=', value: unquote(this.src(n)) };
    const name = n.type.name === 'QuotedLabelMatcher' ? unquote(this.src(kids[0])) : this.src(kids[0]);
    const op = this.src(kids[1]) as Matcher['op'];
    const value = unquote(this.src(kids[2]));
    if (op === '=~' || op === '!~') return { name, op, value, re: compileRegex(value) };
    return { name, op, value };
  }

  private aggregate(kids: SyntaxNode[], d: number): Expr {
    const op = this.src(kids[0]) as AggregateOp;
    if (!(AGGREGATE_OPS as readonly string[]).includes(op))
      throw bad(`the aggregation ${op} is not supported by this endpoint`);
    let grouping: string[] = [];
    let without = false;
    let args: Expr[] = [];
    for (const k of kids.slice(1)) {
      if (k.type.name === 'AggregateModifier') {
        const [kw, labels] = children(k);
        without = kw.type.name === 'Without';
        grouping = this.labelNames(labels);
      } else if (k.type.name === 'FunctionCallBody') args = children(k).map((a) => this.expr(a, d));
    }
    const wantsParam = op === 'topk' || op === 'bottomk';
    if (args.length !== (wantsParam ? 2 : 1))
      throw bad(
        `wrong number of arguments for aggregate expression provided, expected ${wantsParam ? 2 : 1}, got ${args.length}`,
      );
    return wantsParam
      ? { kind: 'aggregate', op, param: args[0], expr: args[1], grouping, without }
      : { kind: 'aggregate', op, expr: args[0], grouping, without };
  }

  private labelNames(grouping: SyntaxNode): string[] {
    return children(grouping).map((l) => (l.type.name === 'QuotedLabelName' ? unquote(this.src(l)) : this.src(l)));
  }

  private binary(kids: SyntaxNode[], d: number): Expr {
    const lhs = this.expr(kids[0], d);
    const rhs = this.expr(kids[kids.length - 1], d);
    const opNode = kids[1];
    const op = BINARY[opNode.type.name];
    if (!op) throw bad(`the operator ${this.src(opNode)} is not supported by this endpoint`);
    let returnBool = false;
    let matching: { on: boolean; labels: string[] } | undefined;
    for (const k of kids.slice(2, -1)) {
      if (k.type.name === 'BoolModifier') returnBool = true;
      else if (k.type.name === 'MatchingModifierClause') {
        const parts = children(k);
        if (parts.some((p) => p.type.name === 'GroupLeft' || p.type.name === 'GroupRight'))
          throw bad('group_left and group_right are not supported by this endpoint');
        matching = { on: parts[0].type.name === 'On', labels: this.labelNames(parts[1]) };
      } else if (k.type.name === 'FillModifier') throw bad('fill modifiers are not supported by this endpoint');
    }
    if (returnBool && !['==', '!=', '>', '<', '>=', '<='].includes(op))
      throw bad('bool modifier can only be used on comparison operators');
    return { kind: 'binary', op, lhs, rhs, returnBool, matching };
  }
}

function matchesEmpty(m: Matcher): boolean {
  if (m.op === '=') return m.value === '';
  if (m.op === '!=') return m.value !== '';
  const hit = m.re?.test('') ?? false;
  return m.op === '=~' ? hit : !hit;
}

/** A number literal as Prometheus reads it: decimal, hex, Inf, NaN, or a duration (in seconds). */
export function parseNumber(text: string): number {
  let t = text.trim();
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t.startsWith('-') ? -1 : 1;
    t = t.slice(1).trim();
  }
  const lower = t.toLowerCase();
  if (lower === 'inf') return sign * Infinity;
  if (lower === 'nan') return NaN;
  if (/^0x[0-9a-f]+$/i.test(t)) return sign * parseInt(t.slice(2), 16);
  const plain = t.replace(/_/g, '');
  if (/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return sign * Number(plain);
  const ms = parseDuration(t);
  if (ms !== undefined) return (sign * ms) / 1000;
  throw bad(`bad number or duration syntax: ${JSON.stringify(text)}`);
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** A PromQL string literal's value (Go's quoting rules; backquotes are raw). */
export function unquote(text: string): string {
  const q = text[0];
  if (q === '`') return text.slice(1, -1);
  if ((q !== '"' && q !== "'") || text.length < 2 || text[text.length - 1] !== q)
    throw bad(`unterminated quoted string ${text.slice(0, 20)}`);
  const body = text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    if (e.length > 1 && 'xuU'.includes(e[0])) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const out = ESCAPES[e];
    if (out === undefined) throw bad(`unknown escape sequence \\${e}`);
    return out;
  });
}
