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
import { SnapshotController, SNAPSHOTS } from './snapshot/snapshot-controller.js';
import { ExportController, EXPORTS } from './export/export-controller.js';

export interface Workloads {
  queues: WorkQueue[];
  stop(): void;
}

export function startWorkloads(
  ctx: ControllerContext,
  queue: (name: string, reconcile: Reconcile) => WorkQueue,
): Workloads {
  const informers = [VMIRS, POOLS, SNAPSHOTS, EXPORTS].map((res) => new Informer(ctx.client, res, ctx.log));
  const [sets, pools, snapshots, exports] = informers;
  const rsQueue: WorkQueue = queue('vmirs', (k) => rs.reconcile(k));
  const poolQueue: WorkQueue = queue('vmpool', (k) => pool.reconcile(k));
  const rs = new VmiReplicaSetController(ctx, sets, ctx.informers.vmis, (k) => rsQueue.add(k));
  const pool = new PoolController(ctx, pools, ctx.informers.vms, (k) => poolQueue.add(k));
  const snapshotQueue: WorkQueue = queue('vmsnapshot', (k) => snapshot.reconcile(k));
  const exportQueue: WorkQueue = queue('vmexport', (k) => exporter.reconcile(k));
  const snapshot = new SnapshotController(ctx, snapshots, (k) => snapshotQueue.add(k));
  const exporter = new ExportController(ctx, exports, (k) => exportQueue.add(k));
  for (const c of [rs, pool, snapshot, exporter]) c.watch();
  for (const inf of informers) inf.start();
  const queues = [rsQueue, poolQueue, snapshotQueue, exportQueue];
  return {
    queues,
    stop() {
      for (const q of queues) q.stop();
      for (const inf of informers) inf.stop();
    },
  };
}
