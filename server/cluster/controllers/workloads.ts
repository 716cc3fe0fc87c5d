/**
 * The controllers of the KubeVirt kinds beyond VMs and VMIs: replica sets and pools (their /scale
 * subresource is subresources/scale.ts), VirtualMachineSnapshots, VirtualMachineExports and MigrationPolicies. Each
 * has its own informers and work queue; `startControllers` runs them with the others.
 */
import { Informer } from '../runtime/informer.js';
import type { Reconcile, WorkQueue } from '../runtime/work-queue.js';
import type { ControllerContext } from './context.js';
import { PoolController, POOLS } from './replication/pool-controller.js';
import { VmiReplicaSetController, VMIRS } from './replication/vmirs-controller.js';
import { startSnapshotControllers } from './snapshot/index.js';
import { IDENTITY } from '../runtime/identity.js';
import { withIdentity } from './context.js';
import { ExportController, EXPORTS } from './export/export-controller.js';

export interface Workloads {
  queues: WorkQueue[];
  stop(): void;
}

export function startWorkloads(
  ctx: ControllerContext,
  queue: (name: string, reconcile: Reconcile) => WorkQueue,
  opts: { exportProxyUrl?: string } = {},
): Workloads {
  const informers = [VMIRS, POOLS, EXPORTS].map((res) => new Informer(ctx.client, res, ctx.log));
  const [sets, pools, exports] = informers;
  const rsQueue: WorkQueue = queue('vmirs', (k) => rs.reconcile(k));
  const poolQueue: WorkQueue = queue('vmpool', (k) => pool.reconcile(k));
  const rs = new VmiReplicaSetController(ctx, sets, ctx.informers.vmis, (k) => rsQueue.add(k));
  const pool = new PoolController(ctx, pools, ctx.informers.vms, (k) => poolQueue.add(k));
  const exportQueue: WorkQueue = queue('vmexport', (k) => exporter.reconcile(k));
  const exporter = new ExportController(ctx, exports, (k) => exportQueue.add(k), opts.exportProxyUrl);
  for (const c of [rs, pool, exporter]) c.watch();
  for (const inf of informers) inf.start();
  // the CSI snapshotter writes as the external-snapshotter's service account
  const snapshots = startSnapshotControllers(ctx, withIdentity(ctx, IDENTITY.snapshotController), queue);
  const queues = [rsQueue, poolQueue, exportQueue, ...snapshots.queues];
  return {
    queues,
    stop() {
      snapshots.stop();
      for (const q of queues) q.stop();
      for (const inf of informers) inf.stop();
    },
  };
}
