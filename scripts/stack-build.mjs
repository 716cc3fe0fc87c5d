#!/usr/bin/env node
/**
 * `npm run stack:build`: builds the real components of the kube-apiserver test tier (issue 20)
 * from the Go module proxy, at the versions pinned in stack/go.mod and stack/go.sum:
 *   - kube-apiserver (k8s.io/kubernetes/cmd/kube-apiserver),
 *   - kube-controller-manager (garbage collection, namespace deletion, service accounts),
 *   - etcd (go.etcd.io/etcd/server/v3, the version kube-apiserver itself pins).
 * Output (never in the repository): $KVC_STACK_DIR, else $XDG_CACHE_HOME/kubevirt-console/stack,
 * else ~/.cache/kubevirt-console/stack: bin/kube-apiserver, bin/etcd, stamp.json. A second run
 * with the same go.mod, go.sum and Go version does nothing. `--force` rebuilds; `--check` only
 * says in one line whether the real-stack tier runs, or why not.
 * Go's own caches (modules, compiled packages) are where `go env` puts them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, root } from './lib/build.mjs';

ensureServerBuilt();
const { STACK_COMMANDS, findStack, goVersion, pinnedVersion, stackDir, stackRoot, stackStamp } = await import(
  pathToFileURL(path.join(root, 'build/server/stack/find.js')).href
);

function say(line) {
  process.stdout.write(`stack:build: ${line}\n`);
}

function fail(line) {
  process.stderr.write(`stack:build: ${line}\n`);
  process.exit(1);
}

// `--check`: one line saying whether the real-stack tier runs, and why not.
if (process.argv.includes('--check')) {
  const f = findStack();
  process.stdout.write(
    f.bins
      ? `real-stack tier: runs (kube-apiserver ${f.stamp.versions['kube-apiserver']} in ${f.dir})\n`
      : `real-stack tier: skipped (${f.reason})\n`,
  );
  process.exit(0);
}

const go = goVersion();
if (!go) fail('no Go toolchain: install Go (1.26 or later) to build the real stack');

const force = process.argv.includes('--force');
const found = findStack();
if (!force && found.bins) {
  say(`up to date in ${found.dir} (kube-apiserver ${found.stamp.versions['kube-apiserver']})`);
  process.exit(0);
}

const versions = {
  'kube-apiserver': pinnedVersion('k8s.io/kubernetes'),
  'kube-controller-manager': pinnedVersion('k8s.io/kubernetes'),
  etcd: pinnedVersion('go.etcd.io/etcd/server/v3'),
};

/** kube-apiserver reports its version from ldflags, as the Kubernetes release build sets them. */
function ldflags(name) {
  if (!name.startsWith('kube-')) return '-s -w';
  const v = versions[name];
  const [major, minor] = v.slice(1).split('.');
  const pkg = 'k8s.io/component-base/version';
  return [
    '-s -w',
    `-X ${pkg}.gitVersion=${v}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
    `-X ${pkg}.buildDate=1970-01-01T00:00:00Z`,
  ].join(' ');
}

const dir = stackDir();
mkdirSync(dir, { recursive: true });
const tmp = mkdtempSync(path.join(dir, 'build-'));
const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly -buildvcs=false' };
const started = Date.now();
for (const [name, pkg] of Object.entries(STACK_COMMANDS)) {
  say(`building ${name} ${versions[name]} (${pkg}) with ${go}`);
  const t0 = Date.now();
  const r = spawnSync('go', ['build', '-trimpath', '-ldflags', ldflags(name), '-o', path.join(tmp, name), pkg], {
    cwd: stackRoot,
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    fail(`go build ${pkg} failed (exit ${r.status ?? r.signal}) in ${stackRoot}`);
  }
  say(`built ${name} in ${Math.round((Date.now() - t0) / 1000)} s`);
}
mkdirSync(path.join(dir, 'bin'), { recursive: true });
for (const name of Object.keys(STACK_COMMANDS)) renameSync(path.join(tmp, name), path.join(dir, 'bin', name));
rmSync(tmp, { recursive: true, force: true });
writeFileSync(
  path.join(dir, 'stamp.json'),
  JSON.stringify({ stamp: stackStamp(go), go, versions, seconds: Math.round((Date.now() - started) / 1000) }, null, 2) +
    '\n',
);
say(`done in ${Math.round((Date.now() - started) / 1000)} s: ${path.join(dir, 'bin')}`);
