/**
 * Fuzz benchmark of the embedded cluster (issue 16): `npm run bench -- fuzz`, or
 *   npx tsx bench/fuzz/index.ts [--requests 10000] [--rounds 1] [--concurrency 8] [--seed N]
 *                               [--port 8332] [--inspect-port 8339] [--heap-snapshot dir]
 * Starts the cluster as `npm run cluster -- --seed none --guests simulated` does, in a child process
 * (with --inspect on loopback, used only to force a garbage collection and read the heap), sends
 * `requests` mutated manifests per round (test/support/fuzz/fuzz-run.ts), checks that
 * lists and watches still work, deletes what the round made and waits for it to be gone.
 * Prints requests, the status-code histogram, 5xx, hangs (> 10 s), the slowest answer, and the
 * server's RSS (and V8 heap) before, after each run and after each cleanup plus GC. Exits non-zero
 * when there was a 5xx, a hang, a broken connection, the server stopped serving, or the RSS after
 * the last cleanup exceeds the RSS before by more than 100 MiB.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  checkAlive,
  cleanupFuzz,
  histogram,
  prepareFuzz,
  runFuzz,
  summarize,
  type FuzzResult,
} from '../../test/support/fuzz/fuzz-run.js';
import { Inspector } from './inspector.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string', default: '20261124' },
    port: { type: 'string', default: '8332' },
    'inspect-port': { type: 'string', default: '8339' },
    'heap-snapshot': { type: 'string' },
  },
});
const REQUESTS = Number(args.requests);
const ROUNDS = Number(args.rounds);
const LIMIT_MIB = 100;
const root = new URL('../../', import.meta.url).pathname;
const MiB = 1024 * 1024;
const mib = (n: number) => `${(n / MiB).toFixed(0)} MiB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the server wrote: line count, and lines of stack traces (an expected error is one line, never a trace). */
const serverLog = { lines: 0, stackLines: 0, firstStack: '' };

async function startCluster(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      `--inspect=127.0.0.1:${args['inspect-port']}`,
      'scripts/cluster.mjs',
      '--port',
      String(args.port),
      '--seed',
      'none',
      '--guests',
      'simulated',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const early: string[] = [];
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    listening = resolve;
    child.once('exit', () => reject(new Error(`the cluster exited before listening: ${early.join('\n')}`)));
  });
  const onLine = (line: string) => {
    if (/^(Debugger listening|For help)/.test(line)) return;
    if (early.length < 50) early.push(line);
    const m = /^Embedded cluster listening on (\S+)/.exec(line);
    if (m) listening(m[1]);
    serverLog.lines++;
    if (/^\s+at /.test(line) || line.includes('\\n    at ')) {
      serverLog.stackLines++;
      serverLog.firstStack ||= line.slice(0, 300);
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  return { child, url: await url };
}

/** Resident set size of a process (Linux /proc, else ps). */
function rss(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    /* not Linux */
  }
  return (
    Number(
      spawnSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .stdout.toString()
        .trim(),
    ) * 1024
  );
}

async function settle(inspector: Inspector, pid: number): Promise<{ rss: number; heap: number }> {
  await sleep(3000);
  await inspector.gc();
  await sleep(2000);
  return { rss: rss(pid), heap: await inspector.heapUsed() };
}

function report(round: number, r: FuzzResult): void {
  console.log(`round ${round}: ${r.requests} requests, status codes ${histogram(r.codes)}`);
  console.log(
    `  5xx: ${r.serverErrors.length}, hangs (> 10 s): ${r.hangs.length}, broken connections: ${r.broken.length}, 4xx without a Status: ${r.badErrors.length}, slowest answer: ${Math.round(r.maxLatencyMs)} ms`,
  );
  const bad = [...r.serverErrors, ...r.hangs, ...r.broken, ...r.badErrors];
  if (bad.length) {
    console.log(`  failures: ${summarize(bad)}`);
    const messages = new Map<string, number>();
    for (const f of bad) {
      const m = /"message":"((?:[^"\\]|\\.)*)"/.exec(f.body)?.[1] ?? f.body;
      messages.set(m.slice(0, 160), (messages.get(m.slice(0, 160)) ?? 0) + 1);
    }
    for (const [m, n] of [...messages].sort((a, b) => b[1] - a[1])) console.log(`    ${n}x ${m}`);
    for (const f of bad.slice(0, 5))
      console.log(
        `    ${f.planned.method} ${f.planned.path.slice(0, 120)} [${f.planned.contentType ?? ''}] -> ${f.status} ${f.body.slice(0, 300)}\n      body: ${(f.planned.body ?? '').slice(0, 200)}`,
      );
  }
}

async function main(): Promise<number> {
  const { child, url } = await startCluster();
  const pid = child.pid!;
  let exited = false;
  child.on('exit', (code, sig) => {
    exited = true;
    console.log(`the cluster exited (${code ?? sig})`);
  });
  const inspector = await Inspector.connect(`127.0.0.1:${args['inspect-port']}`);
  let failed = false;
  try {
    const before = await settle(inspector, pid);
    console.log(`cluster ${url} (pid ${pid}); RSS before: ${mib(before.rss)} (V8 heap ${mib(before.heap)})`);
    let last = before;
    for (let round = 1; round <= ROUNDS; round++) {
      const existing = await prepareFuzz(url);
      const t0 = performance.now();
      const r = await runFuzz({
        url,
        seed: Number(args.seed) + round - 1,
        count: REQUESTS,
        concurrency: Number(args.concurrency),
        onProgress: (n) => process.stdout.write(`  ${n}\r`),
      });
      const seconds = (performance.now() - t0) / 1000;
      report(round, r);
      console.log(
        `  ${seconds.toFixed(1)} s (${(r.requests / seconds).toFixed(0)} requests/s); RSS after the run: ${mib(rss(pid))}`,
      );
      failed ||= r.serverErrors.length > 0 || r.hangs.length > 0 || r.broken.length > 0;
      const problems = exited ? ['the server exited'] : await checkAlive(url);
      console.log(
        `  server alive, lists and watches working: ${problems.length ? `NO: ${problems.join('; ')}` : 'yes'}`,
      );
      failed ||= problems.length > 0;
      if (exited) break;
      const tc = performance.now();
      await cleanupFuzz(url, existing);
      last = await settle(inspector, pid);
      console.log(
        `  cleanup ${((performance.now() - tc) / 1000).toFixed(1)} s; RSS after cleanup and GC: ${mib(last.rss)} (V8 heap ${mib(last.heap)})`,
      );
    }
    console.log(
      `server log: ${serverLog.lines} lines, ${serverLog.stackLines} with a stack trace${serverLog.firstStack ? ` (first: ${serverLog.firstStack})` : ''}`,
    );
    const growth = last.rss - before.rss;
    console.log(
      `RSS: before ${mib(before.rss)}, after cleanup ${mib(last.rss)} (${growth >= 0 ? '+' : ''}${mib(growth)}; limit +${LIMIT_MIB} MiB)`,
    );
    failed ||= growth > LIMIT_MIB * MiB;
    if (args['heap-snapshot'] && !exited) {
      mkdirSync(args['heap-snapshot'], { recursive: true });
      const file = join(args['heap-snapshot'], `cluster-${Date.now()}.heapsnapshot`);
      await inspector.snapshot(file);
      console.log(`heap snapshot: ${file}`);
    }
  } finally {
    inspector.close();
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
  console.log(failed ? 'FAILED' : 'passed');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
