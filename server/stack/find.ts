/**
 * Where the real-stack tier (issue 20) keeps its Go-built binaries, and whether they are there.
 * Used by scripts/stack-build.mjs, scripts/cluster.mjs and the tests of the tier.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: the nearest folder above this file with stack/go.mod (from server/ or build/server/). */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'stack', 'go.mod'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('stack/go.mod not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const projectRoot = findRoot();
export const stackRoot = path.join(projectRoot, 'stack');

export type StackCommand = 'kube-apiserver' | 'kube-controller-manager' | 'etcd';

/** The commands built from stack/go.mod, by output name. */
export const STACK_COMMANDS: Record<StackCommand, string> = {
  'kube-apiserver': 'k8s.io/kubernetes/cmd/kube-apiserver',
  'kube-controller-manager': 'k8s.io/kubernetes/cmd/kube-controller-manager',
  etcd: 'go.etcd.io/etcd/server/v3',
};

/**
 * The login chain (issue 20 item 4): oauth2-proxy and an OIDC provider, mockoidc (a library, run by
 * the few lines of stack/oauth/mockoidc). They have a Go module of their own, stack/oauth, so that
 * their dependencies never move kube-apiserver's (Go picks the highest version any module asks for).
 */
export type OauthCommand = 'oauth2-proxy' | 'mockoidc';
export const OAUTH_COMMANDS: Record<OauthCommand, string> = {
  'oauth2-proxy': 'github.com/oauth2-proxy/oauth2-proxy/v7',
  mockoidc: './mockoidc',
};
export const oauthRoot = path.join(stackRoot, 'oauth');

/** Bump when the build flags change. */
const FORMAT = 1;

export function stackDir(): string {
  if (process.env.KVC_STACK_DIR) return process.env.KVC_STACK_DIR;
  const cache = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(cache, 'kubevirt-console', 'stack');
}

/** Where the login chain's binaries go: bin/ and stamp.json under the stack's folder. */
export function oauthDir(): string {
  return path.join(stackDir(), 'oauth');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The pinned version of a module in stack/go.mod (or in another module's go.mod under stack/). */
export function pinnedVersion(module: string, root = stackRoot): string {
  const mod = readFileSync(path.join(root, 'go.mod'), 'utf8');
  const m = new RegExp(`^\\s*(?:require\\s+)?${escapeRegExp(module)}\\s+(v\\S+)`, 'm').exec(mod);
  if (!m) throw new Error(`${module} is not pinned in ${path.relative(projectRoot, root)}/go.mod`);
  return m[1];
}

/** The go command's version, or undefined when there is no Go toolchain. */
export function goVersion(): string | undefined {
  const r = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function stamp(root: string, files: string[], go: string | undefined): string {
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n${go}\n`);
  for (const f of files) h.update(readFileSync(path.join(root, f)));
  return h.digest('hex');
}

/** What the cached build must match: go.mod, go.sum, the Go version and the build format. */
export function stackStamp(go = goVersion()): string {
  return stamp(stackRoot, ['go.mod', 'go.sum'], go);
}

/** The same for the login chain, whose mockoidc command is source of the project. */
export function oauthStamp(go = goVersion()): string {
  return stamp(oauthRoot, ['go.mod', 'go.sum', 'mockoidc/main.go'], go);
}

export interface StackStamp {
  stamp: string;
  go: string;
  versions: Record<string, string>;
  seconds: number;
}

export type Found<C extends string> =
  | { bins: Record<C, string>; dir: string; stamp: StackStamp; reason?: undefined }
  | { reason: string; bins?: undefined };
export type StackFound = Found<StackCommand>;
export type OauthFound = Found<OauthCommand>;

function find<C extends string>(what: string, dir: string, names: C[], want: (go: string) => string): Found<C> {
  const go = goVersion();
  if (!go) return { reason: 'no Go toolchain (go) on this machine' };
  const bins = Object.fromEntries(names.map((name) => [name, path.join(dir, 'bin', name)])) as Record<C, string>;
  let stamp: StackStamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, 'stamp.json'), 'utf8')) as StackStamp;
  } catch {
    return { reason: `${what} is not built (run npm run stack:build; cache: ${dir})` };
  }
  if (stamp.stamp !== want(go)) return { reason: `the ${what} build is out of date (run npm run stack:build)` };
  const missing = Object.values<string>(bins).find((b) => !existsSync(b));
  if (missing) return { reason: `${missing} is missing (run npm run stack:build)` };
  return { bins, dir, stamp };
}

/**
 * The built binaries when they are there and up to date, else the reason they are not (one
 * line, for the test tier's skip message).
 */
export function findStack(): StackFound {
  return find('the stack', stackDir(), Object.keys(STACK_COMMANDS) as StackCommand[], stackStamp);
}

/** oauth2-proxy and mockoidc, when built and up to date, else why not. */
export function findOauth(): OauthFound {
  return find(
    'the login chain (oauth2-proxy, mockoidc)',
    oauthDir(),
    Object.keys(OAUTH_COMMANDS) as OauthCommand[],
    oauthStamp,
  );
}
