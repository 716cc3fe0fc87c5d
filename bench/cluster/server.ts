/**
 * The benchmark's server process: an embedded cluster on a free port. Prints {"url": ...} on
 * stdout once listening and answers "mem" IPC messages with its memory and CPU usage.
 */
import { startCluster } from '../../server/cluster/index.js';

const cluster = await startCluster({ port: 0, host: '127.0.0.1', seed: 'none', log: () => {} });
process.stdout.write(`${JSON.stringify({ url: cluster.url })}\n`);
process.on('message', (msg) => {
  if (msg === 'mem') {
    global.gc?.();
    process.send?.({ mem: process.memoryUsage(), cpu: process.cpuUsage() });
  }
});
process.on('disconnect', () => {
  void Promise.resolve(cluster.close()).finally(() => process.exit(0));
});
