/** Starts an in-process embedded cluster on a free port for the judge tests. */
import { startCluster } from '../../../server/cluster/index.js';

export interface JudgeCluster {
  url: string;
  close(): Promise<void>;
}

export async function startJudgeCluster(opts: { usersFile?: string } = {}): Promise<JudgeCluster> {
  const cluster = await startCluster({
    port: 0,
    host: '127.0.0.1',
    seed: 'none',
    users: opts.usersFile,
    log: () => {},
  });
  return { url: cluster.url, close: () => Promise.resolve(cluster.close()) };
}
