// `npm run cluster -- --port <p> [--seed none]`: the embedded cluster alone, for kubectl.
// `npm run cluster -- --backend kube-apiserver [...]`: the real stack that `npm run stack:build` built.
import { ensureServerBuilt, root } from './lib/build.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const i = args.findIndex((a) => a === '--backend' || a.startsWith('--backend='));
const backend = i < 0 ? 'embedded' : args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
ensureServerBuilt();
if (backend === 'kube-apiserver') {
  const { findStack } = await import(pathToFileURL(path.join(root, 'build/server/stack/find.js')).href);
  const found = findStack();
  if (!found.bins) {
    console.error(`cluster: ${found.reason}`);
    process.exit(1);
  }
  const { runStackCli } = await import(pathToFileURL(path.join(root, 'build/server/stack/cli.js')).href);
  await runStackCli(args, found.bins, root).catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
} else if (backend === 'embedded') {
  if (i >= 0) args.splice(i, args[i].includes('=') ? 1 : 2);
  process.argv = [...process.argv.slice(0, 2), ...args];
  await import(pathToFileURL(path.join(root, 'build/server/cluster/cli.js')).href);
} else {
  console.error(`cluster: unknown --backend ${backend} (embedded or kube-apiserver)`);
  process.exit(2);
}
