/**
 * Upload benchmark (issue 22): `npm run bench -- upload`, or
 *   npx tsx bench/upload/index.ts [--gib 2] [--port 8810] [--cluster-port 8811] [--mode sync|async]
 * Starts the embedded cluster (`npm run cluster`, with a temporary --data-dir so the image lands on
 * disk) and the console server in front of it (kubeconfig mode, --cdi-uploadproxy-url the cluster's
 * upload proxy), each in its own process. Creates an upload DataVolume, asks for an upload token,
 * and streams `gib` GiB of a raw image through the console's upload route, as the browser does.
 * Prints the throughput (MB/s, from the first byte sent to the answer) and each process's RSS
 * before and its peak (VmHWM) after. Nothing is asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    gib: { type: 'string', default: '2' },
    port: { type: 'string', default: '8810' },
    'cluster-port': { type: 'string', default: '8811' },
    mode: { type: 'string', default: 'sync' },
  },
});
const root = new URL('../../', import.meta.url).pathname;
const MiB = 2 ** 20;
const TOTAL = Math.round(Number(args.gib) * 1024) * MiB;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const work = mkdtempSync(join(tmpdir(), 'kvc-upload-bench-'));
const children: ChildProcess[] = [];

/** Starts a process and resolves with the first stdout line that `match` finds. */
function start(label: string, argv: string[], match: RegExp): Promise<{ child: ChildProcess; found: string }> {
  const child = spawn(process.execPath, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      seen += line + '\n';
      const m = match.exec(line);
      if (m) resolve({ child, found: m[1] });
    });
    child.stderr!.on('data', (c: Buffer) => (seen += c.toString()));
    child.on('exit', (code) => reject(new Error(`${label} exited (${code}):\n${seen.slice(-2000)}`)));
  });
}

/** Current and peak resident memory of a process, in KiB (/proc/<pid>/status). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

interface Answer {
  status?: { phase?: string; token?: string };
}

async function api(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', cookie: 'csrf-token=bench', 'x-csrftoken': 'bench' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Answer;
}

/** TOTAL bytes of a raw disk image, made as they are read (1 MiB chunks, a marker at the start). */
function image(): Readable {
  const chunk = Buffer.alloc(MiB, 0x5a);
  const first = Buffer.from(chunk);
  first.write('kvc-upload-bench');
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= TOTAL) return void this.push(null);
      this.push(sent === 0 ? first : chunk);
      sent += MiB;
    },
  });
}

async function main(): Promise<void> {
  const cluster = await start(
    'cluster',
    [
      'scripts/cluster.mjs',
      '--port',
      String(args['cluster-port']),
      '--seed',
      'none',
      '--guests',
      'simulated',
      '--data-dir',
      join(work, 'data'),
    ],
    /CDI upload proxy[^:]*: (\S+)/,
  );
  const clusterUrl = `http://127.0.0.1:${args['cluster-port']}`;
  const kubeconfig = join(work, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'embedded', cluster: { server: clusterUrl } }],
      users: [{ name: 'admin', user: {} }],
      contexts: [{ name: 'embedded', context: { cluster: 'embedded', user: 'admin' } }],
      'current-context': 'embedded',
    }),
  );
  const consoleServer = await start(
    'console',
    [
      'build/server/main.js',
      '--port',
      String(args.port),
      '--kubeconfig',
      kubeconfig,
      '--cdi-uploadproxy-url',
      cluster.found,
      '--log-level',
      'warn',
    ],
    /listening: open (\S+)/,
  );
  const base = `http://127.0.0.1:${args.port}`;
  const k8s = `${base}/api/kubernetes`;
  const ns = 'default';
  const size = `${Math.ceil(TOTAL / 2 ** 30) + 1}Gi`;
  await api(k8s, 'POST', `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes`, {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: { name: 'bench-upload' },
    spec: { source: { upload: {} }, storage: { resources: { requests: { storage: size } } } },
  });
  for (let i = 0; i < 600; i++) {
    const dv = await api(k8s, 'GET', `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes/bench-upload`);
    if (dv.status?.phase === 'UploadReady') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const token = (
    await api(k8s, 'POST', `/apis/upload.cdi.kubevirt.io/v1beta1/namespaces/${ns}/uploadtokenrequests`, {
      apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
      kind: 'UploadTokenRequest',
      metadata: { name: 'bench-upload' },
      spec: { pvcName: 'bench-upload' },
    })
  ).status?.token as string;
  const before = { console: memory(consoleServer.child.pid!), cluster: memory(cluster.child.pid!) };
  const path = args.mode === 'async' ? '/api/cdi-upload/v1beta1/upload-async' : '/api/cdi-upload/v1beta1/upload';
  const started = performance.now();
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, {
      method: 'POST',
      headers: {
        cookie: 'csrf-token=bench',
        'x-csrftoken': 'bench',
        'x-cdi-upload-token': token,
        'content-type': 'application/octet-stream',
        'content-length': String(TOTAL),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    image().pipe(req);
  });
  const seconds = (performance.now() - started) / 1000;
  const after = { console: memory(consoleServer.child.pid!), cluster: memory(cluster.child.pid!) };
  let phase = '';
  for (let i = 0; i < 600 && phase !== 'Succeeded'; i++) {
    const dv = await api(k8s, 'GET', `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes/bench-upload`);
    phase = dv.status?.phase ?? '';
    if (phase !== 'Succeeded') await new Promise((r) => setTimeout(r, 100));
  }
  const out = (line: string) => process.stdout.write(line + '\n');
  out(
    `upload: ${(TOTAL / MiB).toFixed(0)} MiB raw through the console (${path}) -> HTTP ${answer.status} ${answer.body}`,
  );
  out(`time: ${seconds.toFixed(1)} s, throughput ${(TOTAL / 1e6 / seconds).toFixed(0)} MB/s`);
  out(`DataVolume: ${phase}`);
  out(`console server RSS: ${mib(before.console.rss)} before, peak ${mib(after.console.peak)}`);
  out(`embedded cluster RSS: ${mib(before.cluster.rss)} before, peak ${mib(after.cluster.peak)}`);
  out(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
}

try {
  await main();
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(work, { recursive: true, force: true });
}
