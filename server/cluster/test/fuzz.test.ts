/**
 * Fuzz: mutated fixtures (wrong types, missing and unknown fields, huge strings, deep nesting,
 * unicode, odd quantities, invalid names, garbage JSON/merge/strategic patches, wrong content
 * types) sent over HTTP to the cluster as `npm run cluster` starts it. Every answer is a 2xx, or a
 * 4xx carrying a v1 Status (or Go's plain-text "404 page not found" where no API group serves the
 * path, as kube-apiserver answers); never a 5xx (but the one kube-apiserver gives an apply with undeclared
 * fields, test/support/fuzz/fuzz-run.ts) or a hang; afterwards the server still answers lists and
 * watches, and what the fuzz made can be deleted. Deterministic (fixed seed). A few hundred
 * requests here; `npm run bench -- fuzz` (bench/fuzz) sends 10,000+ and measures memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import {
  checkAlive,
  cleanupFuzz,
  histogram,
  prepareFuzz,
  runFuzz,
  summarize,
} from '../../../test/support/fuzz/fuzz-run.js';

const SEED = 20261124;
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 400);

describe('fuzz: random mutations of the fixtures over HTTP', () => {
  let cluster: RunningCluster;
  let before: Set<string>;
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, host: '127.0.0.1', seed: 'none', guests: 'simulated', log: () => {} });
    before = await prepareFuzz(cluster.url);
  });
  afterAll(async () => {
    await cluster?.close();
  });

  it(`answers ${REQUESTS} mutated requests with 2xx or a 4xx Status, never a 5xx or a hang, and keeps serving`, async () => {
    const r = await runFuzz({ url: cluster.url, seed: SEED, count: REQUESTS, concurrency: 4 });
    console.log(
      `fuzz: ${r.requests} requests, status codes ${histogram(r.codes)}, max latency ${Math.round(r.maxLatencyMs)} ms`,
    );
    const failures = [...r.serverErrors, ...r.hangs, ...r.broken, ...r.badErrors];
    if (failures.length) console.log(`fuzz failures: ${summarize(failures)}`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect([...r.codes.keys()].some((c) => c >= 200 && c < 300)).toBe(true);
    expect([...r.codes.keys()].filter((c) => c >= 400).length).toBeGreaterThan(3);
    expect(await checkAlive(cluster.url)).toEqual([]);
    await cleanupFuzz(cluster.url, before, 30_000);
    expect(cluster.store.list('virtualmachines.kubevirt.io', { namespace: 'fuzz' }).items).toEqual([]);
  }, 120_000);
});
