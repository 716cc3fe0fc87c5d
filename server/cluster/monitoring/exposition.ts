/** The Prometheus text format (0.0.4) of the newest value of every series, as virt-handler's /metrics serves it. */
import { LOOKBACK_MS } from './promql/eval.js';
import { formatValue, type StoredSeries } from './promql/values.js';
import { HELP } from './metric-help.js';

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function metricsText(series: StoredSeries[], nowMs: number): string {
  const byName = new Map<string, string[]>();
  for (const s of series) {
    const latest = s.latest(nowMs - LOOKBACK_MS, nowMs);
    if (!latest) continue;
    const { __name__: name = '', ...labels } = s.labels;
    const pairs = Object.entries(labels)
      .map(([k, v]) => `${k}="${escape(v)}"`)
      .join(',');
    let lines = byName.get(name);
    if (!lines) byName.set(name, (lines = []));
    lines.push(`${name}${pairs ? `{${pairs}}` : ''} ${formatValue(latest.v)}`);
  }
  const out: string[] = [];
  for (const name of [...byName.keys()].sort()) {
    const help = HELP[name];
    if (help) out.push(`# HELP ${name} ${help[1]}`, `# TYPE ${name} ${help[0]}`);
    out.push(...byName.get(name)!);
  }
  return out.join('\n') + '\n';
}
