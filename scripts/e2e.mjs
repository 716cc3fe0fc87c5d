// `npm run e2e [-- --base-url <url> | --backend kube-apiserver] [playwright args]`: the Playwright
// suite against the embedded cluster (the default: the config starts the server), against a deployed
// console (BASE_URL), or against the real kube-apiserver tier (E2E_BACKEND=kube-apiserver: the stack
// that `npm run stack:build` built, with the simulation attached; docs/real-stack.md).
import { spawnSync } from 'node:child_process';
import { ensureAppBuilt, ensureServerBuilt, root } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureFfmpeg } from './lib/ffmpeg.mjs';

const args = process.argv.slice(2);
const env = { ...process.env };
const i = args.findIndex((a) => a === '--base-url' || a.startsWith('--base-url='));
if (i >= 0) {
  const value = args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
  if (!value) {
    process.stderr.write('error: --base-url needs a URL\n');
    process.exit(2);
  }
  env.BASE_URL = value;
  args.splice(i, args[i].includes('=') ? 1 : 2);
}
const b = args.findIndex((a) => a === '--backend' || a.startsWith('--backend='));
if (b >= 0) {
  const value = args[b].includes('=') ? args[b].split('=').slice(1).join('=') : args[b + 1];
  if (value !== 'kube-apiserver' && value !== 'embedded') {
    process.stderr.write('error: --backend is embedded or kube-apiserver\n');
    process.exit(2);
  }
  args.splice(b, args[b].includes('=') ? 1 : 2);
  if (value === 'kube-apiserver') env.E2E_BACKEND = 'kube-apiserver';
  else delete env.E2E_BACKEND;
}
try {
  env.PLAYWRIGHT_CHROMIUM_PATH = ensureChromium();
} catch (err) {
  process.stderr.write(`error: ${err.message}\n`);
  process.exit(1);
}
env.E2E_VIDEO = env.E2E_VIDEO ?? (ensureFfmpeg() ? '1' : '0');
if (!env.BASE_URL) {
  ensureServerBuilt();
  // E2E_STATIC_DIR: the console serves an app built elsewhere; dist/ is not used.
  if (!env.E2E_STATIC_DIR) ensureAppBuilt();
} else {
  if (!env.E2E_TOKEN) process.stdout.write(`note: E2E_TOKEN is not set: requests to ${env.BASE_URL} carry no token\n`);
  process.stdout.write(`against ${env.BASE_URL}: tests tagged @embedded are skipped\n`);
}
const r = spawnSync('npx', ['playwright', 'test', ...args], { cwd: root, stdio: 'inherit', env });
process.exit(r.status ?? 1);
