// `npm test`: type check, lint, unit tests (vitest: src/ and server/), and the Playwright suite in
// headless Chromium against the real server. Every runner runs even if an earlier one failed; the
// last line adds them all up: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureAppBuilt, ensureServerBuilt, root } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureFfmpeg } from './lib/ffmpeg.mjs';

const resultsDir = path.join(root, 'build', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const results = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function check(name, cmd, args) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const ok = run(cmd, args) === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

check('type check (src)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('type check (server, bench)', 'npx', ['tsc', '-p', 'tsconfig.test.json', '--noEmit']);
check('type check (e2e)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']);
check('lint', 'npm', ['run', '--silent', 'lint']);

// Real QEMU guests (issue 10) are tested when QEMU and the guest image are there. As root on
// Debian the guest build installs what it needs; elsewhere (or with KVC_SKIP_GUEST_BUILD=1)
// those tests say why they are skipped.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (process.env.KVC_SKIP_GUEST_BUILD !== '1' && isRoot && existsSync('/usr/bin/apt-get')) {
  process.stdout.write('\n=== real guest image (npm run guest:build) ===\n');
  if (run('node', ['scripts/guest-build.mjs']) !== 0) {
    process.stdout.write('note: the real guest could not be built; the QEMU tests will be skipped\n');
  }
}

// The real kube-apiserver tier (issue 20, docs/real-stack.md): with Go on the machine, the stack
// is built (cached in ~/.cache/kubevirt-console/stack; KVC_SKIP_STACK_BUILD=1 skips the build) and
// its tests run inside vitest; without it they are skipped, and this says why in one line.
const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
if (hasGo && process.env.KVC_SKIP_STACK_BUILD !== '1') {
  process.stdout.write('\n=== real kube-apiserver stack (npm run stack:build) ===\n');
  if (run('node', ['scripts/stack-build.mjs']) !== 0)
    process.stdout.write('note: the real stack could not be built; its tests will be skipped\n');
}
const stackLine = spawnSync('node', ['scripts/stack-build.mjs', '--check'], { cwd: root, encoding: 'utf8' });
process.stdout.write(`${(stackLine.stdout || stackLine.stderr).trim().split('\n').pop()}\n`);
const stackBuilt = /^real-stack tier: runs/m.test(stackLine.stdout ?? '');
/** The e2e specs that also run against the real stack (a subset: the whole suite there takes too long for CI). */
const REAL_STACK_SPECS = [
  'e2e/shell.spec.ts',
  'e2e/vm-list.spec.ts',
  'e2e/vm-details.spec.ts',
  'e2e/create-vm.spec.ts',
  'e2e/console-vnc.spec.ts',
  'e2e/console-serial.spec.ts',
  // the login chain (oauth2-proxy, mockoidc, kube-apiserver's --oidc-*): it skips, saying why, when not built
  'e2e/oauth-login.spec.ts',
];

process.stdout.write('\n=== unit tests (vitest) ===\n');
const vitestOut = path.join(resultsDir, 'vitest.json');
const vitestCode = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestOut}`,
]);
const vitest = readJson(vitestOut);
results.push({
  name: 'unit tests',
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests + (vitestCode !== 0 && vitest.numFailedTests === 0 ? 1 : 0) : 1,
});

process.stdout.write('\n=== end-to-end tests (Playwright) ===\n');
let chromium;
try {
  chromium = ensureChromium();
} catch (err) {
  process.stderr.write(`error: ${err.message}\n`);
}
if (chromium) {
  ensureServerBuilt();
  ensureAppBuilt();
  const e2eOut = path.join(resultsDir, 'playwright.json');
  const video = ensureFfmpeg() ? '1' : '0';
  if (video === '0')
    process.stdout.write('note: no ffmpeg, so failed tests keep a trace and a screenshot but no video\n');
  const code = run('npx', ['playwright', 'test'], {
    PLAYWRIGHT_CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_FILE: e2eOut,
    E2E_VIDEO: process.env.E2E_VIDEO ?? video,
  });
  const report = readJson(e2eOut);
  const stats = report?.stats;
  results.push({
    name: 'end-to-end tests',
    passed: stats ? stats.expected + stats.flaky : 0,
    failed: stats ? stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0) : 1,
  });
  // The same build and specs against the real kube-apiserver with the simulation attached
  // (E2E_BACKEND=kube-apiserver, docs/real-stack.md): a subset (shell, list with start, pause,
  // migrate, stop and delete, details and YAML, create, VNC and serial consoles), when the stack
  // is built; @embedded tests skip themselves.
  if (stackBuilt) {
    process.stdout.write('\n=== end-to-end tests on the real kube-apiserver (Playwright, a subset) ===\n');
    const stackOut = path.join(resultsDir, 'playwright-stack.json');
    const stackCode = run('npx', ['playwright', 'test', ...REAL_STACK_SPECS], {
      PLAYWRIGHT_CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_FILE: stackOut,
      E2E_BACKEND: 'kube-apiserver',
      E2E_VIDEO: '0',
    });
    const st = readJson(stackOut)?.stats;
    results.push({
      name: 'end-to-end tests (real kube-apiserver)',
      passed: st ? st.expected + st.flaky : 0,
      failed: st ? st.unexpected + (stackCode !== 0 && st.unexpected === 0 ? 1 : 0) : 1,
    });
  }
} else {
  results.push({ name: 'end-to-end tests', passed: 0, failed: 1 });
}

process.stdout.write('\n');
let passed = 0;
let failed = 0;
for (const r of results) {
  process.stdout.write(`  - ${r.name}: passed ${r.passed}, failed ${r.failed}\n`);
  passed += r.passed;
  failed += r.failed;
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
