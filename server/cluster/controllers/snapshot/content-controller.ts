/**
 * VirtualMachineSnapshotContents, as KubeVirt's updateVMSnapshotContent
 * (pkg/storage/snapshot/snapshot.go): the guest's filesystems frozen (guest agent) before the
 * first VolumeSnapshot is created, one VolumeSnapshot per VolumeBackup (owned by the content),
 * thawed once they all have a creationTime; readyToUse when they all are; status.error from a
 * VolumeSnapshot's error or a missing one. When the VirtualMachineSnapshot goes, the finalizer is
 * removed (and the guest thawed).
 */
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { Informer } from '../../runtime/informer.js';
import { nowIso, type ControllerContext } from '../context.js';
import { snapshotClassFor, VOLUME_SNAPSHOT_CLASSES, VOLUME_SNAPSHOTS } from './csi-classes.js';
import {
  contentSpec,
  contentStatus,
  hasFinalizer,
  snapshotSpec,
  VM_SNAPSHOT_CONTENTS,
  VM_SNAPSHOTS,
  type ContentStatus,
  type VolumeBackup,
} from './kinds.js';
import { SnapshotSource } from './snapshot-source.js';
import { CONTENT_FINALIZER } from './vm-snapshot-controller.js';

const COMPONENT = 'snapshot-controller';

export class ContentController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly contents: Informer,
    private readonly volumeSnapshots: Informer,
    private readonly isTerminating: (snap: KObject) => boolean,
    private readonly enqueue: (key: string) => void,
  ) {}

  watch(): void {
    this.contents.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const byOwner = (vs: KObject) => {
      const owner = (vs.metadata.ownerReferences ?? []).find((r) => r.kind === 'VirtualMachineSnapshotContent');
      if (owner) this.enqueue(`${vs.metadata.namespace}/${owner.name}`);
    };
    this.volumeSnapshots.on({ onChange: byOwner, onDelete: byOwner });
  }

  private source(snap: KObject | undefined): SnapshotSource | undefined {
    if (!snap) return undefined;
    const vm = this.ctx.client.tryGet(ResourceKey.vms, snap.metadata.namespace, snapshotSpec(snap).source?.name ?? '');
    return vm ? new SnapshotSource(this.ctx, vm, snap.metadata.name ?? '') : undefined;
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    let content = client.tryGet(VM_SNAPSHOT_CONTENTS, ns, name);
    if (!content) return;
    const spec = contentSpec(content);
    const snap = spec.virtualMachineSnapshotName
      ? client.tryGet(VM_SNAPSHOTS, ns, spec.virtualMachineSnapshotName)
      : undefined;
    if (!snap || this.isTerminating(snap)) {
      this.source(snap)?.unfreeze();
      if (hasFinalizer(content, CONTENT_FINALIZER))
        content = client.mutate(VM_SNAPSHOT_CONTENTS, ns, name, (o) => {
          o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== CONTENT_FINALIZER);
        });
      const deletePolicy = (snapshotSpec(snap ?? content).deletionPolicy ?? 'Delete') === 'Delete';
      if (snap && (deletePolicy || contentStatus(content).readyToUse !== true)) return;
    }
    if (content.metadata.deletionTimestamp) return;
    const created = !!contentStatus(content).creationTime;
    const statuses: NonNullable<ContentStatus['volumeSnapshotStatus']> = [];
    const deleted: string[] = [];
    const skipped: string[] = [];
    let source: SnapshotSource | undefined;
    for (const backup of spec.volumeBackups ?? []) {
      const vsName = backup.volumeSnapshotName;
      if (!vsName) continue;
      let vs = client.tryGet(VOLUME_SNAPSHOTS, ns, vsName);
      if (!vs) {
        if (created) {
          this.ctx.record(
            content,
            'Warning',
            'VolumeSnapshotMissing',
            `VolumeSnapshot ${vsName} no longer exists`,
            COMPONENT,
          );
          deleted.push(vsName);
          continue;
        }
        if (!snap || snap.metadata.deletionTimestamp) {
          skipped.push(vsName);
          continue;
        }
        if (!source) {
          source = this.source(snap);
          if (!source) throw new Error('unable to get snapshot source');
          const problem = source.freeze();
          if (problem)
            return this.writeStatus(content, {
              readyToUse: false,
              error: { message: problem, time: nowIso(this.ctx) },
            });
        }
        vs = this.createVolumeSnapshot(content, backup);
      }
      const st = (vs.status ?? {}) as {
        readyToUse?: boolean;
        creationTime?: string;
        error?: { message?: string; time?: string };
      };
      statuses.push({
        volumeSnapshotName: vs.metadata.name ?? '',
        ...(st.readyToUse !== undefined ? { readyToUse: st.readyToUse } : {}),
        ...(st.creationTime ? { creationTime: st.creationTime } : {}),
        ...(st.error ? { error: st.error } : {}),
      });
    }
    let isCreated = true;
    let ready = true;
    let errorMessage = '';
    if (deleted.length) {
      isCreated = ready = false;
      errorMessage = `VolumeSnapshots (${deleted.join(',')}) missing`;
    } else if (skipped.length) {
      isCreated = ready = false;
      errorMessage = `VolumeSnapshots (${skipped.join(',')}) skipped because vm snapshot is deleted`;
    } else {
      for (const v of statuses) {
        if (!v.creationTime) isCreated = false;
        if (!v.readyToUse) ready = false;
        if (v.error?.message) {
          errorMessage = `VolumeSnapshot ${v.volumeSnapshotName} error: ${v.error.message}`;
          break;
        }
      }
    }
    const now = nowIso(this.ctx);
    const next: ContentStatus = { ...contentStatus(content) };
    if (isCreated && !next.creationTime) {
      next.creationTime = now;
      (source ?? this.source(snap))?.unfreeze();
    }
    if (errorMessage && !ready) {
      if (next.error?.message !== errorMessage) next.error = { message: errorMessage, time: now };
    } else if (!errorMessage) delete next.error;
    next.readyToUse = ready;
    if (statuses.length) next.volumeSnapshotStatus = statuses;
    else delete next.volumeSnapshotStatus;
    this.writeStatus(content, next);
  }

  private writeStatus(content: KObject, next: ContentStatus): void {
    if (JSON.stringify(next) === JSON.stringify(content.status ?? {})) return;
    this.ctx.client.mutate(
      VM_SNAPSHOT_CONTENTS,
      content.metadata.namespace,
      content.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== content.metadata.uid) return false;
        o.status = next as Record<string, unknown>;
      },
      { subresource: 'status' },
    );
  }

  private createVolumeSnapshot(content: KObject, backup: VolumeBackup): KObject {
    const ns = content.metadata.namespace;
    const vmMeta = contentSpec(content).source?.virtualMachine?.metadata;
    const scName = (backup.persistentVolumeClaim.spec as { storageClassName?: string }).storageClassName;
    if (!scName)
      throw new Error(
        `${ns ?? ''}/${backup.persistentVolumeClaim.metadata.name ?? ''} VolumeSnapshot requested but no storage class`,
      );
    const sc = this.ctx.client.tryGet(ResourceKey.storageClasses, undefined, scName);
    const className = snapshotClassFor(this.ctx.client.list(VOLUME_SNAPSHOT_CLASSES).items, sc).name;
    const created = this.ctx.client.create(VOLUME_SNAPSHOTS, {
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshot',
      metadata: {
        name: backup.volumeSnapshotName,
        namespace: ns,
        labels: {
          'snapshot.kubevirt.io/source-vm-name': vmMeta?.name ?? '',
          'snapshot.kubevirt.io/source-vm-namespace': vmMeta?.namespace ?? '',
        },
        ownerReferences: [
          {
            apiVersion: 'snapshot.kubevirt.io/v1beta1',
            kind: 'VirtualMachineSnapshotContent',
            name: content.metadata.name ?? '',
            uid: content.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        source: { persistentVolumeClaimName: backup.persistentVolumeClaim.metadata.name },
        ...(className ? { volumeSnapshotClassName: className } : {}),
      },
    });
    this.ctx.record(
      content,
      'Normal',
      'SuccessfulVolumeSnapshotCreate',
      `Successfully created VolumeSnapshot ${backup.volumeSnapshotName ?? ''}`,
      COMPONENT,
    );
    return created;
  }
}
