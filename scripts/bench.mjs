#!/usr/bin/env node
// `npm run bench [-- cluster|ui]`: the benchmarks of bench/ (they print numbers; nothing is asserted).
// Builds what is out of date first. Both start their own embedded cluster with `--seed scale:10000`.
import { spawnSync } from 'node:child_process';
import { ensureAppBuilt, ensureServerBuilt, root } from './lib/build.mjs';

const which = process.argv[2] ?? 'all';
if (!['all', 'cluster', 'ui'].includes(which)) {
  process.stderr.write('usage: npm run bench [-- cluster|ui]\n');
  process.exit(2);
}
ensureServerBuilt();
ensureAppBuilt();
const run = (label, cmd, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (which !== 'ui') run('bench/cluster: the embedded API server with 10,000 VMs', 'npx', ['tsx', 'bench/cluster/index.ts']);
if (which !== 'cluster') run('bench/ui: the VM list with 10,000 VMs in Chromium', 'node', ['bench/ui/vm-list-bench.mjs']);
