#!/usr/bin/env node
/**
 * `npm run stack:build`: builds the real components of the kube-apiserver test tier (issue 20)
 * from the Go module proxy, at the versions pinned in stack/go.mod and stack/go.sum:
 *   - kube-apiserver (k8s.io/kubernetes/cmd/kube-apiserver),
 *   - kube-controller-manager (garbage collection, namespace deletion, service accounts),
 *   - etcd (go.etcd.io/etcd/server/v3, the version kube-apiserver itself pins);
 * and the login chain, pinned in stack/oauth/go.mod and go.sum (a module of its own):
 *   - oauth2-proxy (github.com/oauth2-proxy/oauth2-proxy/v7),
 *   - mockoidc (stack/oauth/mockoidc: github.com/oauth2-proxy/mockoidc, a library, served).
 * Output (never in the repository): $KVC_STACK_DIR, else $XDG_CACHE_HOME/kubevirt-console/stack,
 * else ~/.cache/kubevirt-console/stack: bin/, stamp.json, and oauth/bin/, oauth/stamp.json. A second
 * run with the same go.mod, go.sum and Go version does nothing. `--force` rebuilds; `--check` only
 * says in one line whether the real-stack tier runs, or why not.
 * Go's own caches (modules, compiled packages) are where `go env` puts them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, root } from './lib/build.mjs';

ensureServerBuilt();
const find = await import(pathToFileURL(path.join(root, 'build/server/stack/find.js')).href);
const { STACK_COMMANDS, OAUTH_COMMANDS, findStack, findOauth, goVersion, pinnedVersion } = find;

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
  const o = findOauth();
  const login = o.bins
    ? `; login chain: oauth2-proxy ${o.stamp.versions['oauth2-proxy']} and mockoidc`
    : `; its login test skipped (${o.reason})`;
  process.stdout.write(
    f.bins
      ? `real-stack tier: runs (kube-apiserver ${f.stamp.versions['kube-apiserver']} in ${f.dir}${login})\n`
      : `real-stack tier: skipped (${f.reason})\n`,
  );
  process.exit(0);
}

const go = goVersion();
if (!go) fail('no Go toolchain: install Go (1.26 or later) to build the real stack');
const force = process.argv.includes('--force');

const kube = pinnedVersion('k8s.io/kubernetes');
const oauth2Proxy = pinnedVersion('github.com/oauth2-proxy/oauth2-proxy/v7', find.oauthRoot);
const groups = [
  {
    what: 'the stack',
    commands: STACK_COMMANDS,
    found: findStack,
    root: find.stackRoot,
    dir: find.stackDir(),
    stamp: find.stackStamp,
    versions: {
      'kube-apiserver': kube,
      'kube-controller-manager': kube,
      etcd: pinnedVersion('go.etcd.io/etcd/server/v3'),
    },
  },
  {
    what: 'the login chain',
    commands: OAUTH_COMMANDS,
    found: findOauth,
    root: find.oauthRoot,
    dir: find.oauthDir(),
    stamp: find.oauthStamp,
    versions: {
      'oauth2-proxy': oauth2Proxy,
      mockoidc: pinnedVersion('github.com/oauth2-proxy/mockoidc', find.oauthRoot),
    },
  },
];

/** Each binary reports its release version from ldflags, as its project's release build sets them. */
function ldflags(name, versions) {
  if (name === 'oauth2-proxy')
    return `-s -w -X github.com/oauth2-proxy/oauth2-proxy/v7/pkg/version.VERSION=${versions[name]}`;
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

const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly -buildvcs=false' };
for (const g of groups) {
  const found = g.found();
  if (!force && found.bins) {
    say(
      `${g.what}: up to date in ${found.dir} (${Object.entries(found.stamp.versions)
        .map(([n, v]) => `${n} ${v}`)
        .join(', ')})`,
    );
    continue;
  }
  mkdirSync(g.dir, { recursive: true });
  const tmp = mkdtempSync(path.join(g.dir, 'build-'));
  const started = Date.now();
  for (const [name, pkg] of Object.entries(g.commands)) {
    say(`building ${name} ${g.versions[name]} (${pkg}) with ${go}`);
    const t0 = Date.now();
    const args = ['build', '-trimpath', '-ldflags', ldflags(name, g.versions), '-o', path.join(tmp, name), pkg];
    const r = spawnSync('go', args, { cwd: g.root, stdio: 'inherit', env });
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      fail(`go build ${pkg} failed (exit ${r.status ?? r.signal}) in ${g.root}`);
    }
    say(`built ${name} in ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  mkdirSync(path.join(g.dir, 'bin'), { recursive: true });
  for (const name of Object.keys(g.commands)) renameSync(path.join(tmp, name), path.join(g.dir, 'bin', name));
  rmSync(tmp, { recursive: true, force: true });
  const seconds = Math.round((Date.now() - started) / 1000);
  const stamp = { stamp: g.stamp(go), go, versions: g.versions, seconds };
  writeFileSync(path.join(g.dir, 'stamp.json'), JSON.stringify(stamp, null, 2) + '\n');
  say(`${g.what}: done in ${seconds} s: ${path.join(g.dir, 'bin')}`);
}
