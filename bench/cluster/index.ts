/**
 * Benchmark of the embedded cluster (not a test; no assertions on time).
 *   npx tsx bench/cluster/index.ts [--vms 10000] [--watchers 100] [--rate 100] [--seconds 10]
 * The cluster runs in a child process so that the clients do not share its event loop.
 * Prints p50/p95 of whole and paged lists of the VMs, watch event latency under a steady write
 * rate, whether any watcher fell behind, and the server's memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { call, mb, ms, openWatch, percentile, timed } from './http.js';

const { values: args } = parseArgs({
  options: {
    vms: { type: 'string', default: '10000' },
    watchers: { type: 'string', default: '100' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
  },
});
const VMS = Number(args.vms);
const WATCHERS = Number(args.watchers);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const NS = 'bench';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(new URL('./server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{')) return { child, url: (JSON.parse(line) as { url: string }).url };
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

const cpuSeconds = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => ((b.user + b.system - a.user - a.system) / 1e6).toFixed(1);

function vm(i: number) {
  return {
    apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine',
    metadata: { name: `vm-${String(i).padStart(5, '0')}`, labels: { app: `app-${i % 50}` } },
    spec: {
      runStrategy: 'Halted',
      template: {
        metadata: { labels: { 'kubevirt.io/domain': `vm-${i}` } },
        spec: {
          domain: { cpu: { cores: 1 }, memory: { guest: '1Gi' }, devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }], interfaces: [{ name: 'default', masquerade: {} }] } },
          networks: [{ name: 'default', pod: {} }],
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
        },
      },
    },
  };
}

async function populate(url: string): Promise<number> {
  await call(`${url}/api/v1/namespaces`, 'POST', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  let next = 0;
  const worker = async () => {
    while (next < VMS) {
      const i = next++;
      const r = await call(`${url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`, 'POST', vm(i));
      if (r.status !== 201) throw new Error(`create vm ${i}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  };
  const [t] = await timed(() => Promise.all(Array.from({ length: 16 }, worker)));
  return t;
}

/** Waits until the controllers stop writing (resourceVersion unchanged for 2 s); returns ms. */
async function settle(url: string, maxMs = 180_000): Promise<number> {
  const rv = async () => (JSON.parse((await call(`${url}/api/v1/namespaces?limit=1`)).text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
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
  return performance.now() - start - 2000;
}

async function listWhole(url: string, runs: number, accept?: string): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const [t, r] = await timed(() => call(`${url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`, 'GET', undefined, undefined, accept));
    if (r.status !== 200) throw new Error(`list: ${r.status}`);
    bytes = r.text.length;
    times.push(t);
  }
  return { times, bytes };
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
        const [t, r] = await timed(() => call(`${url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines?${q}`));
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

async function watchUnderLoad(url: string) {
  const list = JSON.parse((await call(`${url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines?limit=1`)).text) as { metadata: { resourceVersion: string } };
  const sentAt = new Map<string, number>();
  const arrivals = Array.from({ length: WATCHERS }, () => new Map<string, number>());
  const watchers = await Promise.all(arrivals.map((seen) => openWatch(
    `${url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines?watch=1&resourceVersion=${list.metadata.resourceVersion}`,
    (line) => {
      const rv = /"resourceVersion":"([^"]+)"/.exec(line)?.[1];
      if (rv) seen.set(rv, performance.now());
    },
  )));
  const total = RATE * SECONDS;
  let sent = 0;
  const start = performance.now();
  const writes: Promise<void>[] = [];
  while (sent < total) {
    const due = Math.floor(((performance.now() - start) / 1000) * RATE);
    while (sent < Math.min(due, total)) {
      const i = sent++;
      const name = `vm-${String((i * 7919) % VMS).padStart(5, '0')}`;
      const t0 = performance.now();
      writes.push(call(`${url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/${name}`, 'PATCH', { metadata: { labels: { tick: String(i) } } }, 'application/merge-patch+json')
        .then((r) => {
          sentAt.set((JSON.parse(r.text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion, t0);
        }));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(writes);
  const writeSeconds = (performance.now() - start) / 1000;
  const complete = (seen: Map<string, number>) => [...sentAt.keys()].every((rv) => seen.has(rv));
  const deadline = performance.now() + 5000;
  while (!arrivals.every(complete) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const w of watchers) w.stop();
  const latencies: number[] = [];
  const received = arrivals.map((seen) => {
    let n = 0;
    for (const [rv, t0] of sentAt) {
      const at = seen.get(rv);
      if (at !== undefined) {
        n++;
        latencies.push(at - t0);
      }
    }
    return n;
  });
  const otherEvents = arrivals.reduce((sum, seen) => sum + seen.size, 0) / WATCHERS - Math.min(...received);
  return { total, writeSeconds, latencies, behind: received.filter((n) => n < total).length, minReceived: Math.min(...received), otherEvents };
}

async function main(): Promise<void> {
  const { child, url } = await startServer();
  try {
    console.log(`embedded cluster at ${url}; ${VMS} VMs, ${WATCHERS} watchers, ${RATE} changes/s for ${SECONDS} s`);
    const { mem: idle } = await serverUsage(child);
    const createMs = await populate(url);
    console.log(`create ${VMS} VMs (16 concurrent POSTs): ${ms(createMs)} (${(VMS / (createMs / 1000)).toFixed(0)}/s)`);
    const settled = await settle(url);
    console.log(`controllers settled ${ms(Math.max(0, settled))} after the last create`);
    const { mem: loaded } = await serverUsage(child);
    console.log(`server memory: idle rss ${mb(idle.rss)}, with ${VMS} VMs rss ${mb(loaded.rss)} heapUsed ${mb(loaded.heapUsed)}`);

    await listWhole(url, 2);
    const whole = await listWhole(url, 20);
    console.log(`list ${VMS} VMs whole (JSON, ${mb(whole.bytes)}): p50 ${ms(percentile(whole.times, 50))} p95 ${ms(percentile(whole.times, 95))}`);
    const table = await listWhole(url, 10, TABLE);
    console.log(`list ${VMS} VMs whole as kubectl Table: p50 ${ms(percentile(table.times, 50))} p95 ${ms(percentile(table.times, 95))}`);
    const paged = await listPaged(url, 5);
    console.log(`list in pages of 500: page p50 ${ms(percentile(paged.pages, 50))} p95 ${ms(percentile(paged.pages, 95))}; full walk p50 ${ms(percentile(paged.walks, 50))}`);

    const before = await serverUsage(child);
    const clientBefore = process.cpuUsage();
    const w = await watchUnderLoad(url);
    const after = await serverUsage(child);
    console.log(`watch: ${WATCHERS} watchers, ${w.total} changes in ${w.writeSeconds.toFixed(1)} s; event latency p50 ${ms(percentile(w.latencies, 50))} p95 ${ms(percentile(w.latencies, 95))}`);
    console.log(`other events per watcher during the phase (controllers' writes): ${w.otherEvents.toFixed(0)}`);
    console.log(w.behind === 0
      ? `watchers behind: none (every watcher received all ${w.total} events)`
      : `watchers behind: ${w.behind} of ${WATCHERS} (the slowest received ${w.minReceived} of ${w.total})`);
    console.log(`CPU during the watch phase: server ${cpuSeconds(before.cpu, after.cpu)} s, benchmark client ${cpuSeconds(clientBefore, process.cpuUsage())} s`);
    console.log(`server memory after watch load: rss ${mb(after.mem.rss)} heapUsed ${mb(after.mem.heapUsed)}`);
  } finally {
    child.disconnect();
  }
}

await main();
process.exit(0);
