/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time and inclusive time per function.
 *   npx tsx bench/cluster/profile-summary.ts <file.cpuprofile> [--top 40] [--filter substring]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  id: number;
  callFrame: Frame;
  children?: number[];
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, filter: { type: 'string' } },
});
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (f: Frame) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '')}:${f.lineNumber + 1}`;
const selfMs = new Map<string, number>();
const totalMs = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let node = byId.get(profile.samples[i]);
  if (!node) continue;
  const self = label(node.callFrame);
  selfMs.set(self, (selfMs.get(self) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    node = byId.get(id)!;
    const l = label(node.callFrame);
    if (seen.has(l)) continue;
    seen.add(l);
    totalMs.set(l, (totalMs.get(l) ?? 0) + dt);
  }
}
const top = Number(values.top);
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  [...m]
    .filter(([k]) => !values.filter || k.includes(values.filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, v]) => console.log(`${v.toFixed(0).padStart(8)} ms  ${k}`));
};
console.log(`profile: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
show('self time', selfMs);
show('inclusive time', totalMs);
