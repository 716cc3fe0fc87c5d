/**
 * The subset of kubectl's JSONPath that CRD printer columns use: `.a.b`, `['a.b']`, `[0]`, `[*]`
 * and filters `[?(@.type=='Ready')]`.
 */

type Step =
  | { field: string }
  | { index: number }
  | { all: true }
  | { filter: { path: string[]; op: '==' | '!='; value: string } };

const cache = new Map<string, Step[]>();

function parse(expr: string): Step[] {
  const hit = cache.get(expr);
  if (hit) return hit;
  const steps: Step[] = [];
  let i = 0;
  const s = expr.replace(/^\{|\}$/g, '').replace(/^\$/, '');
  while (i < s.length) {
    if (s[i] === '.') {
      i++;
      let j = i;
      while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
      if (j > i) steps.push({ field: s.slice(i, j) });
      i = j;
    } else if (s[i] === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) break;
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      let m: RegExpMatchArray | null;
      if (inner === '*') steps.push({ all: true });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if ((m = inner.match(/^'(.*)'$/) ?? inner.match(/^"(.*)"$/))) steps.push({ field: m[1] });
      else if ((m = inner.match(/^\?\(@\.([\w.-]+)\s*(==|!=)\s*['"]?([^'"]*)['"]?\)$/))) {
        steps.push({ filter: { path: m[1].split('.'), op: m[2] as '==' | '!=', value: m[3] } });
      }
    } else {
      let j = i;
      while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
      steps.push({ field: s.slice(i, j) });
      i = j;
    }
  }
  cache.set(expr, steps);
  return steps;
}

function get(v: unknown, path: string[]): unknown {
  let cur = v;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** All values the expression selects. */
export function evaluate(obj: unknown, expr: string): unknown[] {
  let cur: unknown[] = [obj];
  for (const step of parse(expr)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ('field' in step) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && step.field in v)
          next.push((v as Record<string, unknown>)[step.field]);
      } else if ('index' in step) {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      } else if ('all' in step) {
        if (Array.isArray(v)) next.push(...v);
        else if (v && typeof v === 'object') next.push(...Object.values(v));
      } else if (Array.isArray(v)) {
        for (const item of v) {
          const got = get(item, step.filter.path);
          const eq = got !== undefined && String(got) === step.filter.value;
          if (step.filter.op === '==' ? eq : !eq) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}
