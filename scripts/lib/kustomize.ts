/**
 * kustomize for the tests: `go install`ed from the Go module proxy into a cache directory on first
 * use (no kubectl needed), then `kustomize build <dir>`. v5.8.1 builds with Go 1.24 or newer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const KUSTOMIZE_VERSION = 'v5.8.1';
const MODULE = 'sigs.k8s.io/kustomize/kustomize/v5';

function toolsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(
    env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
    'kubevirt-console',
    'tools',
    `kustomize-${KUSTOMIZE_VERSION}`,
  );
}

/** The kustomize binary, installed with `go install` when it is not there yet. Throws when Go is missing. */
export function ensureKustomize(log: (line: string) => void = () => undefined): string {
  const dir = toolsDir();
  const binary = path.join(dir, 'kustomize');
  if (existsSync(binary)) return binary;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0)
    throw new Error(
      `kustomize ${KUSTOMIZE_VERSION} is installed with Go, and \`go\` was not found: install Go (1.24 or newer)`,
    );
  log(`installing kustomize ${KUSTOMIZE_VERSION} with ${go.stdout.trim()} into ${dir}`);
  mkdirSync(path.dirname(dir), { recursive: true });
  // Into a directory of its own first, so a half-done install is never taken for the binary.
  const staging = mkdtempSync(`${dir}.tmp-`);
  try {
    const r = spawnSync('go', ['install', `${MODULE}@${KUSTOMIZE_VERSION}`], {
      encoding: 'utf8',
      env: { ...process.env, GOBIN: staging, GOFLAGS: '-buildvcs=false' },
    });
    if (r.status !== 0) throw new Error(`go install ${MODULE}@${KUSTOMIZE_VERSION} failed:\n${r.stderr}`);
    if (!existsSync(dir)) renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/** `kustomize build <dir>`: the rendered multi-document YAML. */
export function kustomizeBuild(binary: string, dir: string): string {
  return execFileSync(binary, ['build', dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}
