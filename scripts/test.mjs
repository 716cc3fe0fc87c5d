// `npm test`: type check, lint, unit tests (vitest: src/ and server/), and the Playwright suite in
// headless Chromium against the real server. Every runner runs even if an earlier one failed; the
// last line adds them all up: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
/**
 * The e2e suite runs once per spec file where it can (docs/real-stack.md, "How CI runs the suite"):
 * with the stack built, every spec runs against the real kube-apiserver with the simulation attached,
 * and the embedded tier runs only the specs with tests that cannot run there (they call
 * skipOnRealStack, need the real QEMU guests' embedded server, or OpenShift Routes), so those tests
 * run somewhere.
 * Without the stack, the embedded tier runs the whole suite. KVC_E2E_BOTH=1 runs the whole suite on both.
 */
function embeddedOnlySpecs() {
  const dir = path.join(root, 'e2e');
  return (
    readdirSync(dir)
      .filter((f) => f.endsWith('.spec.ts'))
      // skipOnRealStack, the real QEMU guests' server, OpenShift Routes (served by the embedded cluster only)
      .filter((f) => /skipOnRealStack\(|realGuestsMissing|servesRoutes\(/.test(readFileSync(path.join(dir, f), 'utf8')))
      .map((f) => `e2e/${f}`)
      .sort()
  );
}
const bothTiers = process.env.KVC_E2E_BOTH === '1';
const embeddedSpecs = stackBuilt && !bothTiers ? embeddedOnlySpecs() : [];

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
  if (embeddedSpecs.length)
    process.stdout.write(
      `embedded cluster: the specs with tests that cannot run on the real stack (${embeddedSpecs.length}); every spec runs on the real stack below\n`,
    );
  const code = run('npx', ['playwright', 'test', ...embeddedSpecs], {
    PLAYWRIGHT_CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_FILE: e2eOut,
    E2E_VIDEO: process.env.E2E_VIDEO ?? video,
  });
  const report = readJson(e2eOut);
  const stats = report?.stats;
  results.push({
    name: 'end-to-end tests (embedded cluster)',
    passed: stats ? stats.expected + stats.flaky : 0,
    failed: stats ? stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0) : 1,
  });
  // The same build and the whole suite against the real kube-apiserver with the simulation attached
  // (E2E_BACKEND=kube-apiserver, docs/real-stack.md), when the stack is built: what cannot run
  // there skips itself, saying why.
  if (stackBuilt) {
    process.stdout.write('\n=== end-to-end tests on the real kube-apiserver (Playwright, every spec) ===\n');
    const stackOut = path.join(resultsDir, 'playwright-stack.json');
    const stackCode = run('npx', ['playwright', 'test'], {
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
