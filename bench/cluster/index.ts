/**
 * Benchmark of the embedded cluster with its controllers running (not a test; no assertions).
 *   npx tsx bench/cluster/index.ts [--vms 10000] [--watchers 100] [--rate 100] [--seconds 10] [--bulk 2000] [--cpu-prof dir]
 * With --cpu-prof the server writes one .cpuprofile per phase into dir (summarise one with
 * `npx tsx bench/cluster/profile-summary.ts dir/steady.cpuprofile`).
 * The cluster runs in a child process (so the clients do not share its event loop), started as
 * `--seed scale:<vms>`. Prints: the start time of the seeded cluster; p50/p95 of whole and paged
 * lists of the VMs; watch event latency with `watchers` watchers while `rate` VMs change per second;
 * a bulk create of `bulk` VMs watched by the same number of watchers; the server's memory and CPU.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { call, mb, ms, percentile, timed } from './http.js';
import { watchUnderLoad, type WatchLoadResult } from './watch-load.js';

const { values: args } = parseArgs({
  options: {
    vms: { type: 'string', default: '10000' },
    watchers: { type: 'string', default: '100' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    bulk: { type: 'string', default: '2000' },
    'cpu-prof': { type: 'string' },
  },
});
const VMS = Number(args.vms);
const WATCHERS = Number(args.watchers);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const BULK = Number(args.bulk);
const NS = 'scale';
const BULK_NS = 'bench';
const TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

interface Started {
  child: ChildProcess;
  url: string;
  startMs: number;
  objects: number;
}

async function startServer(): Promise<Started> {
  const child = fork(new URL('./server.ts', import.meta.url).pathname, [`scale:${VMS}`], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{'))
      return { child, ...(JSON.parse(line) as { url: string; startMs: number; objects: number }) };
  }
  throw new Error('server exited before listening');
}

interface ServerUsage {
  mem: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}

function serverUsage(child: ChildProcess): Promise<ServerUsage> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as ServerUsage));
    child.send('mem');
  });
}

/** Profiles the server's CPU while `fn` runs when --cpu-prof is given. */
async function profiled<T>(child: ChildProcess, phase: string, fn: () => Promise<T>): Promise<T> {
  const dir = args['cpu-prof'];
  const ask = (msg: object) =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.send(msg);
    });
  if (!dir) return fn();
  mkdirSync(dir, { recursive: true });
  await ask({ profile: 'start' });
  try {
    return await fn();
  } finally {
    await ask({ profile: 'stop', file: join(dir, `${phase}.cpuprofile`) });
  }
}

const cpuSeconds = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) =>
  ((b.user + b.system - a.user - a.system) / 1e6).toFixed(1);

function vm(i: number) {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: `bulk-${String(i).padStart(5, '0')}`, labels: { app: `app-${i % 50}` } },
    spec: {
      runStrategy: 'Halted',
      template: {
        metadata: { labels: { 'kubevirt.io/domain': `bulk-${i}` } },
        spec: {
          domain: {
            cpu: { cores: 1 },
            memory: { guest: '1Gi' },
            devices: {
              disks: [{ name: 'root', disk: { bus: 'virtio' } }],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
        },
      },
    },
  };
}

/** Waits until the controllers stop writing (resourceVersion unchanged for 2 s); returns ms. */
async function settle(url: string, maxMs = 180_000): Promise<number> {
  const rv = async () =>
    (JSON.parse((await call(`${url}/api/v1/namespaces?limit=1`)).text) as { metadata: { resourceVersion: string } })
      .metadata.resourceVersion;
  const start = performance.now();
  let last = await rv();
  let stableSince = performance.now();
  while (performance.now() - stableSince < 2000 && performance.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await rv();
    if (now !== last) {
      last = now;
      stableSince = performance.now();
    }
  }
  return Math.max(0, performance.now() - start - 2000);
}

const VMS_URL = (url: string, ns: string) => `${url}/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`;

async function listWhole(
  url: string,
  runs: number,
  accept?: string,
): Promise<{ times: number[]; bytes: number; count: number }> {
  const times: number[] = [];
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const [t, r] = await timed(() => call(VMS_URL(url, NS), 'GET', undefined, undefined, accept));
    if (r.status !== 200) throw new Error(`list: ${r.status}`);
    bytes = r.text.length;
    count =
      (r.text.match(/"kind":"VirtualMachine"/g) ?? []).length ||
      (JSON.parse(r.text) as { rows?: unknown[] }).rows?.length ||
      0;
    times.push(t);
  }
  return { times, bytes, count };
}

async function listPaged(url: string, runs: number): Promise<{ walks: number[]; pages: number[] }> {
  const walks: number[] = [];
  const pages: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [walk] = await timed(async () => {
      let cont = '';
      let count = 0;
      do {
        const q = `limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`;
        const [t, r] = await timed(() => call(`${VMS_URL(url, NS)}?${q}`));
        pages.push(t);
        const body = JSON.parse(r.text) as { items: unknown[]; metadata: { continue?: string } };
        count += body.items.length;
        cont = body.metadata.continue ?? '';
      } while (cont);
      if (count !== VMS) throw new Error(`paged list saw ${count} of ${VMS}`);
    });
    walks.push(walk);
  }
  return { walks, pages };
}

function report(title: string, w: WatchLoadResult): void {
  console.log(
    `${title}: ${w.total} writes in ${w.writeSeconds.toFixed(1)} s (${(w.total / w.writeSeconds).toFixed(0)}/s); event latency (write sent → event at each watcher) p50 ${ms(percentile(w.latencies, 50))} p95 ${ms(percentile(w.latencies, 95))} max ${ms(w.latencies.reduce((m, x) => Math.max(m, x), 0))}`,
  );
  console.log(
    `  other events per watcher (the controllers' writes): ${w.otherEvents.toFixed(0)}; last watcher caught up ${ms(w.drainMs)} after the last write`,
  );
  console.log(
    w.behind === 0
      ? `  watchers behind: none (every watcher received all ${w.total} events)`
      : `  watchers behind: ${w.behind} of ${WATCHERS} (the slowest received ${w.minReceived} of ${w.total})`,
  );
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { child, url, startMs, objects } = await startServer();
  try {
    console.log(
      `embedded cluster at ${url}, controllers running; --seed scale:${VMS}, ${WATCHERS} watchers, ${RATE} changes/s for ${SECONDS} s, bulk create of ${BULK}`,
    );
    console.log(
      `start with --seed scale:${VMS}: startCluster ${ms(startMs)} (${objects} writes), process start to listening ${ms(performance.now() - t0)}`,
    );
    const settled = await settle(url);
    console.log(`controllers settled ${ms(settled)} after listening`);
    const { mem: loaded } = await serverUsage(child);
    console.log(`server memory with ${VMS} VMs: rss ${mb(loaded.rss)} heapUsed ${mb(loaded.heapUsed)}`);

    await listWhole(url, 2);
    const whole = await profiled(child, 'list', () => listWhole(url, 20));
    console.log(
      `list ${whole.count} VMs whole (JSON, ${mb(whole.bytes)}): p50 ${ms(percentile(whole.times, 50))} p95 ${ms(percentile(whole.times, 95))}`,
    );
    const table = await listWhole(url, 10, TABLE);
    console.log(
      `list ${VMS} VMs whole as kubectl Table: p50 ${ms(percentile(table.times, 50))} p95 ${ms(percentile(table.times, 95))}`,
    );
    const paged = await listPaged(url, 5);
    console.log(
      `list in pages of 500: page p50 ${ms(percentile(paged.pages, 50))} p95 ${ms(percentile(paged.pages, 95))}; full walk p50 ${ms(percentile(paged.walks, 50))}`,
    );

    let before = await serverUsage(child);
    let clientBefore = process.cpuUsage();
    const steady = await profiled(child, 'steady', () =>
      watchUnderLoad(url, VMS_URL(url, NS), { watchers: WATCHERS, total: RATE * SECONDS, rate: RATE }, (i) => {
        const name = `vm-${String((i * 7919) % VMS).padStart(5, '0')}`;
        return call(
          `${VMS_URL(url, NS)}/${name}`,
          'PATCH',
          { metadata: { labels: { tick: String(i) } } },
          'application/merge-patch+json',
        );
      }),
    );
    let after = await serverUsage(child);
    report(`steady watch (${WATCHERS} watchers of ${NS} VMs, ${RATE} label changes/s)`, steady);
    console.log(
      `  CPU: server ${cpuSeconds(before.cpu, after.cpu)} s, benchmark client ${cpuSeconds(clientBefore, process.cpuUsage())} s; server rss ${mb(after.mem.rss)} heapUsed ${mb(after.mem.heapUsed)}`,
    );

    if (BULK > 0) {
      await call(`${url}/api/v1/namespaces`, 'POST', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: BULK_NS },
      });
      before = await serverUsage(child);
      clientBefore = process.cpuUsage();
      const bulk = await profiled(child, 'bulk', () =>
        watchUnderLoad(
          url,
          VMS_URL(url, BULK_NS),
          { watchers: WATCHERS, total: BULK, rate: 0, concurrency: 16, graceMs: 120_000 },
          (i) => call(VMS_URL(url, BULK_NS), 'POST', vm(i)),
        ),
      );
      after = await serverUsage(child);
      report(`bulk create (${BULK} Halted VMs by 16 concurrent POSTs, ${WATCHERS} watchers of ${BULK_NS} VMs)`, bulk);
      console.log(
        `  CPU: server ${cpuSeconds(before.cpu, after.cpu)} s, benchmark client ${cpuSeconds(clientBefore, process.cpuUsage())} s; server rss ${mb(after.mem.rss)} heapUsed ${mb(after.mem.heapUsed)}`,
      );
    }
  } finally {
    child.disconnect();
  }
}

await main();
process.exit(0);
