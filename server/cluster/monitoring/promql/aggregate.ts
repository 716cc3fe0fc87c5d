/** Aggregation operators over an instant vector, grouped `by` or `without` labels. */
import type { AggregateOp } from './ast.js';
import { labelsKey, type Labels, type Sample } from './values.js';

function groupLabels(labels: Labels, grouping: string[], without: boolean): Labels {
  const out: Record<string, string> = {};
  if (without) {
    for (const [k, v] of Object.entries(labels)) if (k !== '__name__' && !grouping.includes(k)) out[k] = v;
  } else {
    for (const k of grouping) if (labels[k] !== undefined && labels[k] !== '') out[k] = labels[k];
  }
  return out;
}

/** NaN sorts after every number, as in Prometheus's topk/bottomk. */
const order = (dir: 1 | -1) => (a: Sample, b: Sample) =>
  Number.isNaN(a.value) ? 1 : Number.isNaN(b.value) ? -1 : dir * (b.value - a.value);

export function aggregate(
  op: AggregateOp,
  samples: Sample[],
  grouping: string[],
  without: boolean,
  param?: number,
): Sample[] {
  const groups = new Map<string, { labels: Labels; members: Sample[] }>();
  for (const s of samples) {
    const labels = groupLabels(s.labels, grouping, without);
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels, members: [] }));
    g.members.push(s);
  }
  const out: Sample[] = [];
  for (const { labels, members } of groups.values()) {
    const values = members.map((m) => m.value);
    switch (op) {
      case 'sum':
        out.push({ labels, value: values.reduce((a, b) => a + b, 0) });
        break;
      case 'avg':
        out.push({ labels, value: values.reduce((a, b) => a + b, 0) / values.length });
        break;
      case 'count':
        out.push({ labels, value: values.length });
        break;
      case 'group':
        out.push({ labels, value: 1 });
        break;
      case 'min':
        out.push({ labels, value: values.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a)) });
        break;
      case 'max':
        out.push({ labels, value: values.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a)) });
        break;
      case 'topk':
      case 'bottomk': {
        const k = Math.floor(param ?? NaN);
        if (!(k >= 1)) break;
        out.push(...[...members].sort(order(op === 'topk' ? 1 : -1)).slice(0, k));
        break;
      }
    }
  }
  return out;
}
