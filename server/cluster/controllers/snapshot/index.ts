/**
 * The snapshot, restore and clone controllers (KubeVirt's virt-controller: pkg/storage/snapshot,
 * pkg/virt-controller/watch/clone) and the CSI snapshotter they rely on, each with its work queue.
 */
import { Informer } from '../../runtime/informer.js';
import type { Reconcile, WorkQueue } from '../../runtime/work-queue.js';
import type { ControllerContext } from '../context.js';
import { ContentController } from './content-controller.js';
import { VOLUME_SNAPSHOT_CLASSES, VOLUME_SNAPSHOT_CONTENTS, VOLUME_SNAPSHOTS } from './csi-classes.js';
import { CsiSnapshotter } from './csi-snapshotter.js';
import { VM_CLONES, VM_RESTORES, VM_SNAPSHOT_CONTENTS, VM_SNAPSHOTS, snapshotStatus } from './kinds.js';
import { VmSnapshotController } from './vm-snapshot-controller.js';
import { RestoreController } from './restore-controller.js';
import { CloneController } from '../clone/clone-controller.js';

export interface SnapshotControllers {
  queues: WorkQueue[];
  stop(): void;
}

export function startSnapshotControllers(
  ctx: ControllerContext,
  csiCtx: ControllerContext,
  queue: (name: string, reconcile: Reconcile) => WorkQueue,
): SnapshotControllers {
  const resources = [
    VOLUME_SNAPSHOTS,
    VOLUME_SNAPSHOT_CONTENTS,
    VOLUME_SNAPSHOT_CLASSES,
    VM_SNAPSHOTS,
    VM_SNAPSHOT_CONTENTS,
    VM_RESTORES,
    VM_CLONES,
  ];
  const informers = resources.map((res) => new Informer(ctx.client, res, ctx.log));
  const [volumeSnapshots, volumeContents, classes, snapshots, contents, restores, clones] = informers;
  const later = (q: WorkQueue) => (key: string, afterMs?: number) =>
    afterMs === undefined ? q.add(key) : q.addAfterMs(key, afterMs);
  const csiQueue: WorkQueue = queue('volumesnapshot', (k) => csi.reconcile(k));
  const snapshotQueue: WorkQueue = queue('vmsnapshot', (k) => snapshot.reconcile(k));
  const contentQueue: WorkQueue = queue('vmsnapshotcontent', (k) => content.reconcile(k));
  const restoreQueue: WorkQueue = queue('vmrestore', (k) => restore.reconcile(k));
  const cloneQueue: WorkQueue = queue('vmclone', (k) => clone.reconcile(k));
  const csi = new CsiSnapshotter(csiCtx, volumeSnapshots, volumeContents, classes, later(csiQueue));
  const snapshot = new VmSnapshotController(ctx, snapshots, contents, later(snapshotQueue));
  const terminating = (s: Parameters<typeof snapshotStatus>[0]) =>
    !!s.metadata.deletionTimestamp || snapshotStatus(s).phase === 'Failed';
  const content = new ContentController(ctx, contents, volumeSnapshots, terminating, (k) => contentQueue.add(k));
  const restore = new RestoreController(ctx, restores, snapshots, later(restoreQueue));
  const clone = new CloneController(ctx, clones, snapshots, restores, later(cloneQueue));
  for (const c of [csi, snapshot, content, restore, clone]) c.watch();
  for (const inf of informers) inf.start();
  const queues = [csiQueue, snapshotQueue, contentQueue, restoreQueue, cloneQueue];
  return {
    queues,
    stop() {
      for (const q of queues) q.stop();
      for (const inf of informers) inf.stop();
    },
  };
}
