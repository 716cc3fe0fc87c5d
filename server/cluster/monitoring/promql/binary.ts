/** Binary operators: arithmetic, comparison (filter or bool) and set operators, with one-to-one vector matching. */
import { PromqlError, SET_OPS, type BinaryOp, type Expr } from './ast.js';
import { dropName, labelsKey, type Labels, type Sample, type Value } from './values.js';

type BinaryExpr = Extract<Expr, { kind: 'binary' }>;

const COMPARISON = new Set<BinaryOp>(['==', '!=', '>', '<', '>=', '<=']);

function apply(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '^':
      return Math.pow(a, b);
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    default:
      return NaN;
  }
}

function signature(labels: Labels, matching: BinaryExpr['matching']): string {
  const picked: Record<string, string> = {};
  if (matching?.on) {
    for (const k of matching.labels) if (labels[k] !== undefined) picked[k] = labels[k];
  } else {
    for (const [k, v] of Object.entries(labels)) if (k !== '__name__' && !matching?.labels.includes(k)) picked[k] = v;
  }
  return labelsKey(picked);
}

function resultLabels(labels: Labels, e: BinaryExpr, keepName: boolean): Labels {
  let out: Record<string, string> = { ...labels };
  if (e.matching?.on) {
    out = {};
    for (const k of e.matching.labels) if (labels[k] !== undefined) out[k] = labels[k];
  } else if (e.matching) {
    for (const k of e.matching.labels) delete out[k];
  }
  return keepName ? out : dropName(out);
}

export function binary(e: BinaryExpr, lhs: Value, rhs: Value): Value {
  const comparison = COMPARISON.has(e.op);
  const keepName = comparison && !e.returnBool;
  if (lhs.type === 'scalar' && rhs.type === 'scalar')
    return { type: 'scalar', value: apply(e.op, lhs.value, rhs.value) };
  if (lhs.type === 'scalar' || rhs.type === 'scalar') {
    const scalarLeft = lhs.type === 'scalar';
    const s = scalarLeft ? (lhs as { value: number }).value : (rhs as { value: number }).value;
    const vec = (scalarLeft ? rhs : lhs) as { samples: Sample[] };
    const samples: Sample[] = [];
    for (const x of vec.samples) {
      const r = scalarLeft ? apply(e.op, s, x.value) : apply(e.op, x.value, s);
      if (comparison && !e.returnBool) {
        if (r === 1) samples.push({ labels: x.labels, value: x.value });
      } else samples.push({ labels: keepName ? x.labels : dropName(x.labels), value: r });
    }
    return { type: 'vector', samples };
  }
  const left = lhs.type === 'vector' ? lhs.samples : [];
  const right = rhs.type === 'vector' ? rhs.samples : [];
  if ((SET_OPS as readonly string[]).includes(e.op)) return { type: 'vector', samples: setOp(e, left, right) };
  const bySig = new Map<string, Sample>();
  for (const r of right) {
    const sig = signature(r.labels, e.matching);
    if (bySig.has(sig))
      throw new PromqlError(
        'execution',
        `found duplicate series for the match group ${sig} on the right hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    bySig.set(sig, r);
  }
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const l of left) {
    const sig = signature(l.labels, e.matching);
    const r = bySig.get(sig);
    if (!r) continue;
    if (seen.has(sig))
      throw new PromqlError(
        'execution',
        `multiple matches for labels ${sig}: many-to-one matching must be explicit (group_left/group_right)`,
      );
    seen.add(sig);
    const value = apply(e.op, l.value, r.value);
    if (comparison && !e.returnBool) {
      if (value === 1) samples.push({ labels: resultLabels(l.labels, e, true), value: l.value });
    } else samples.push({ labels: resultLabels(l.labels, e, keepName), value });
  }
  return { type: 'vector', samples };
}

function setOp(e: BinaryExpr, left: Sample[], right: Sample[]): Sample[] {
  const rightSigs = new Set(right.map((r) => signature(r.labels, e.matching)));
  switch (e.op) {
    case 'and':
      return left.filter((l) => rightSigs.has(signature(l.labels, e.matching)));
    case 'unless':
      return left.filter((l) => !rightSigs.has(signature(l.labels, e.matching)));
    default: {
      const leftSigs = new Set(left.map((l) => signature(l.labels, e.matching)));
      return [...left, ...right.filter((r) => !leftSigs.has(signature(r.labels, e.matching)))];
    }
  }
}
