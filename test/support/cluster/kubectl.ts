/**
 * Runs the real kubectl against an in-process cluster: finds (or installs Debian's
 * kubernetes-client) kubectl, writes a kubeconfig into a temp dir and runs commands with
 * KUBECONFIG and a private discovery cache.
 */
import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The kubectl binary: on PATH, else installed from Debian (kubernetes-client, 1.20). */
export function findKubectl(): string {
  const found = which('kubectl');
  if (found) return found;
  execFileSync('apt-get', ['install', '-y', 'kubernetes-client'], { stdio: 'ignore', timeout: 240_000 });
  const installed = which('kubectl');
  if (!installed) throw new Error('kubectl is not installed and apt-get could not install kubernetes-client');
  return installed;
}

/** The client's minor version (32 for 1.32). */
export function kubectlMinor(bin: string): number {
  const out = execFileSync(bin, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const minor = (JSON.parse(out) as { clientVersion: { minor: string } }).clientVersion.minor;
  return Number.parseInt(minor, 10);
}

export interface KubectlRunOptions {
  input?: string;
  token?: string;
  timeoutMs?: number;
}

export interface KubectlEnv {
  dir: string;
  kubeconfig: string;
  run(args: string[], opts?: KubectlRunOptions): Promise<KubectlResult>;
  /** Runs kubectl and returns its stdout; throws with the command and its stderr unless it exits 0. */
  ok(args: string[], opts?: KubectlRunOptions): Promise<string>;
  spawn(args: string[]): ChildProcessWithoutNullStreams;
  write(name: string, content: string): string;
}

function kubeconfig(server: string, token: string | undefined, namespace: string): string {
  const user = token ? `{token: ${JSON.stringify(token)}}` : '{}';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: embedded\n  cluster: {server: ${JSON.stringify(server)}${server.startsWith('https:') ? ', insecure-skip-tls-verify: true' : ''}}`,
    'users:',
    `- name: judge\n  user: ${user}`,
    'contexts:',
    `- name: embedded\n  context: {cluster: embedded, user: judge, namespace: ${namespace}}`,
    'current-context: embedded',
    '',
  ].join('\n');
}

export function kubectlEnv(bin: string, server: string, namespace = 'default'): KubectlEnv {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-judge-'));
  const configs = new Map<string, string>();
  const configFor = (token: string | undefined): string => {
    const key = token ?? '';
    let path = configs.get(key);
    if (!path) {
      path = join(dir, `kubeconfig-${configs.size}`);
      writeFileSync(path, kubeconfig(server, token, namespace));
      configs.set(key, path);
    }
    return path;
  };
  const envFor = (token?: string) => ({
    ...process.env,
    KUBECONFIG: configFor(token),
    KUBECACHEDIR: join(dir, 'cache'),
    HOME: dir,
  });
  const env: KubectlEnv = {
    dir,
    kubeconfig: configFor(undefined),
    run(args, opts = {}) {
      return new Promise((resolve) => {
        const child = execFile(
          bin,
          args,
          { env: envFor(opts.token), timeout: opts.timeoutMs ?? 30_000, maxBuffer: 64 << 20 },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            resolve({ code, stdout: String(stdout), stderr: String(stderr) });
          },
        );
        child.stdin?.end(opts.input);
      });
    },
    async ok(args, opts) {
      const r = await env.run(args, opts);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return r.stdout;
    },
    spawn(args) {
      return spawn(bin, args, { env: envFor(undefined) });
    },
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
  return env;
}

/** Collects a child's stdout lines; `waitFor(n)` resolves once n non-empty lines have arrived. */
export function lineCollector(child: ChildProcessWithoutNullStreams): {
  lines: string[];
  waitFor(count: number, timeoutMs?: number): Promise<string[]>;
} {
  const lines: string[] = [];
  let partial = '';
  let exited = false;
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.trim() !== ''));
    waiters.forEach((w) => w());
  });
  child.on('exit', () => {
    exited = true;
    waiters.forEach((w) => w());
  });
  return {
    lines,
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${count} lines; got: ${lines.join(' | ')}`)),
          timeoutMs,
        );
        const check = () => {
          if (lines.length >= count) {
            clearTimeout(timer);
            resolve(lines.slice(0, count));
          } else if (exited) {
            clearTimeout(timer);
            reject(new Error(`kubectl exited; lines: ${lines.join(' | ')}`));
          }
        };
        waiters.push(check);
        check();
      });
    },
  };
}
