#!/usr/bin/env node
// `npm run bench [-- cluster|ui|first-page|palette|fuzz|upload]`: the benchmarks of bench/ (they print numbers; nothing is asserted,
// except that the fuzz run fails on a 5xx, a hang or memory that stays). Builds what is out of date first.
// cluster and ui start their own embedded cluster with `--seed scale:10000`; fuzz starts `npm run cluster`.
import { spawnSync } from 'node:child_process';
import { ensureAppBuilt, ensureServerBuilt, root } from './lib/build.mjs';

const which = process.argv[2] ?? 'all';
if (!['all', 'cluster', 'ui', 'first-page', 'palette', 'fuzz', 'upload'].includes(which)) {
  process.stderr.write(
    'usage: npm run bench [-- cluster|ui|first-page|palette|fuzz|upload] [fuzz options: --requests N --rounds N] [upload: --gib N]\n',
  );
  process.exit(2);
}
ensureServerBuilt();
ensureAppBuilt();
const run = (label, cmd, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (which === 'all' || which === 'cluster')
  run('bench/cluster: the embedded API server with 10,000 VMs', 'npx', ['tsx', 'bench/cluster/index.ts']);
if (which === 'all' || which === 'ui')
  run('bench/ui: the VM list with 10,000 VMs in Chromium', 'node', ['bench/ui/vm-list-bench.mjs']);
if (which === 'first-page')
  run("bench/ui: the first page's JavaScript, gzip as served", 'node', ['bench/ui/first-page-js.mjs']);
if (which === 'all' || which === 'palette')
  run('bench/ui: the command palette with 10,000 VMs in Chromium', 'node', ['bench/ui/palette-bench.mjs']);
if (which === 'all' || which === 'upload')
  run('bench/upload: a 2 GiB disk image through the console into the embedded cluster', 'npx', [
    'tsx',
    'bench/upload/index.ts',
    ...(which === 'upload' ? process.argv.slice(3) : []),
  ]);
if (which === 'all' || which === 'fuzz') {
  run('bench/fuzz: 10,000 mutated manifests against npm run cluster', 'npx', [
    'tsx',
    'bench/fuzz/index.ts',
    ...process.argv.slice(3),
  ]);
}
