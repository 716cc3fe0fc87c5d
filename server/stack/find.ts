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

/** Bump when the build flags change. */
const FORMAT = 1;

export function stackDir(): string {
  if (process.env.KVC_STACK_DIR) return process.env.KVC_STACK_DIR;
  const cache = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(cache, 'kubevirt-console', 'stack');
}

/** The pinned version of a module in stack/go.mod. */
export function pinnedVersion(module: string): string {
  const mod = readFileSync(path.join(stackRoot, 'go.mod'), 'utf8');
  const m = new RegExp(`^\\s*${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+(v\\S+)`, 'm').exec(mod);
  if (!m) throw new Error(`${module} is not pinned in stack/go.mod`);
  return m[1];
}

/** The go command's version, or undefined when there is no Go toolchain. */
export function goVersion(): string | undefined {
  const r = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** What the cached build must match: go.mod, go.sum, the Go version and the build format. */
export function stackStamp(go = goVersion()): string {
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n${go}\n`);
  for (const f of ['go.mod', 'go.sum']) h.update(readFileSync(path.join(stackRoot, f)));
  return h.digest('hex');
}

export interface StackStamp {
  stamp: string;
  go: string;
  versions: Record<string, string>;
  seconds: number;
}

export type StackFound =
  | { bins: Record<StackCommand, string>; dir: string; stamp: StackStamp; reason?: undefined }
  | { reason: string; bins?: undefined };

/**
 * The built binaries when they are there and up to date, else the reason they are not (one
 * line, for the test tier's skip message).
 */
export function findStack(): StackFound {
  const go = goVersion();
  if (!go) return { reason: 'no Go toolchain (go) on this machine' };
  const dir = stackDir();
  const bins = Object.fromEntries(
    Object.keys(STACK_COMMANDS).map((name) => [name, path.join(dir, 'bin', name)]),
  ) as Record<StackCommand, string>;
  let stamp: StackStamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, 'stamp.json'), 'utf8')) as StackStamp;
  } catch {
    return { reason: `the stack is not built (run npm run stack:build; cache: ${dir})` };
  }
  if (stamp.stamp !== stackStamp(go)) return { reason: 'the stack build is out of date (run npm run stack:build)' };
  const missing = Object.values(bins).find((b) => !existsSync(b));
  if (missing) return { reason: `${missing} is missing (run npm run stack:build)` };
  return { bins, dir, stamp };
}
