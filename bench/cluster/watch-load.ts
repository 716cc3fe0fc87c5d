/** Watch phases of the cluster benchmark: steady change rate, and a bulk create, with N watchers. */
import { call, openWatch } from './http.js';

export interface WatchLoadResult {
  /** Writes the benchmark made and that were acknowledged. */
  total: number;
  writeSeconds: number;
  /** Write sent → event received, per watcher and write (ms). */
  latencies: number[];
  /** Watchers that did not receive every write of the phase within the grace period. */
  behind: number;
  minReceived: number;
  /** Events per watcher that the benchmark did not cause (the controllers' writes). */
  otherEvents: number;
  /** Time from the last acknowledged write until every watcher had every write. */
  drainMs: number;
}

type Write = (i: number) => Promise<{ status: number; text: string }>;

async function openWatchers(
  url: string,
  count: number,
  collection: string,
): Promise<{ arrivals: Map<string, number>[]; stop(): void }> {
  const list = JSON.parse((await call(`${collection}?limit=1`)).text) as { metadata: { resourceVersion: string } };
  const arrivals = Array.from({ length: count }, () => new Map<string, number>());
  const watchers = await Promise.all(
    arrivals.map((seen) =>
      openWatch(`${collection}?watch=1&resourceVersion=${list.metadata.resourceVersion}`, (line) => {
        const rv = /"resourceVersion":"([^"]+)"/.exec(line)?.[1];
        if (rv) seen.set(rv, performance.now());
      }),
    ),
  );
  void url;
  return { arrivals, stop: () => watchers.forEach((w) => w.stop()) };
}

/**
 * Opens `watchers` watches on `collection`, then issues `total` writes (at `rate`/s, or as fast
 * as `concurrency` allows when rate is 0) and measures when each watcher saw each write.
 */
export async function watchUnderLoad(
  url: string,
  collection: string,
  o: { watchers: number; total: number; rate: number; concurrency?: number; graceMs?: number },
  write: Write,
): Promise<WatchLoadResult> {
  const { arrivals, stop } = await openWatchers(url, o.watchers, collection);
  const sentAt = new Map<string, number>();
  const ack = (t0: number) => (r: { status: number; text: string }) => {
    if (r.status >= 300) throw new Error(`write answered ${r.status}: ${r.text.slice(0, 200)}`);
    sentAt.set((JSON.parse(r.text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion, t0);
  };
  const start = performance.now();
  if (o.rate > 0) {
    let sent = 0;
    const writes: Promise<void>[] = [];
    while (sent < o.total) {
      const due = Math.floor(((performance.now() - start) / 1000) * o.rate);
      while (sent < Math.min(due, o.total)) {
        const i = sent++;
        const t0 = performance.now();
        writes.push(write(i).then(ack(t0)));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(writes);
  } else {
    let next = 0;
    const worker = async () => {
      while (next < o.total) {
        const i = next++;
        const t0 = performance.now();
        ack(t0)(await write(i));
      }
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 16 }, worker));
  }
  const lastAck = performance.now();
  const writeSeconds = (lastAck - start) / 1000;
  const complete = (seen: Map<string, number>) => [...sentAt.keys()].every((rv) => seen.has(rv));
  const deadline = performance.now() + (o.graceMs ?? 5000);
  while (!arrivals.every(complete) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  stop();
  const latencies: number[] = [];
  let lastArrival = 0;
  const received = arrivals.map((seen) => {
    let n = 0;
    for (const [rv, t0] of sentAt) {
      const at = seen.get(rv);
      if (at === undefined) continue;
      n++;
      latencies.push(at - t0);
      lastArrival = Math.max(lastArrival, at);
    }
    return n;
  });
  const otherEvents = arrivals.reduce((sum, seen) => sum + seen.size, 0) / o.watchers - Math.min(...received);
  return {
    total: sentAt.size,
    writeSeconds,
    latencies,
    otherEvents,
    behind: received.filter((n) => n < sentAt.size).length,
    minReceived: Math.min(...received),
    drainMs: Math.max(0, lastArrival - lastAck),
  };
}
