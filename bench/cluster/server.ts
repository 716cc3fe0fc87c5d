/**
 * The benchmark's server process: an embedded cluster (controllers running) on a free port,
 * seeded with `process.argv[2]` (e.g. `scale:10000`). Prints {"url", "startMs", "objects"} on
 * stdout once listening and answers IPC messages: "mem" with its memory and CPU usage,
 * {profile: "start"} / {profile: "stop", file} by profiling its CPU into a .cpuprofile file.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startCluster } from '../../server/cluster/index.js';

const seed = process.argv[2] ?? 'none';
const t0 = performance.now();
const cluster = await startCluster({ port: 0, host: '127.0.0.1', seed, log: () => {} });
const startMs = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ url: cluster.url, startMs, objects: Number(cluster.store.resourceVersion) })}\n`,
);

let session: Session | undefined;
async function profile(msg: { profile: 'start' | 'stop'; file?: string }): Promise<void> {
  if (msg.profile === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  } else if (session) {
    const { profile: p } = await session.post('Profiler.stop');
    if (msg.file) writeFileSync(msg.file, JSON.stringify(p));
    session.disconnect();
    session = undefined;
  }
  process.send?.({ profiled: msg.profile });
}

process.on('message', (msg) => {
  if (msg === 'mem') {
    global.gc?.();
    process.send?.({ mem: process.memoryUsage(), cpu: process.cpuUsage() });
  } else if (typeof msg === 'object' && msg && 'profile' in msg) {
    void profile(msg as { profile: 'start' | 'stop'; file?: string });
  }
});
process.on('disconnect', () => {
  void Promise.resolve(cluster.close()).finally(() => process.exit(0));
});
