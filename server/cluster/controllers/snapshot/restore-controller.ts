/**
 * VirtualMachineRestores, as KubeVirt's restore controller (pkg/storage/snapshot/restore.go
 * updateVMRestore): status initialised, owned by and holding the target VM, waiting (or failing,
 * by targetReadinessPolicy) while the VM runs, then one PVC per volume backup provisioned from its
 * VolumeSnapshot (`restore-<restore uid>-<volume>`), the VM's spec rewritten to them (a new VM for
 * a new target name), obsolete DataVolumes deleted, and complete with restoreTime. An error (the
 * snapshot gone or not ready, a different VM already under the target name) is in the conditions.
 */
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { Informer } from '../../runtime/informer.js';
import { nowIso, type ControllerContext } from '../context.js';
import { VOLUME_SNAPSHOTS } from './csi-classes.js';
import {
  condition,
  contentSpec,
  contentStatus,
  hasFinalizer,
  snapshotStatus,
  updateCondition,
  VM_RESTORES,
  VM_SNAPSHOT_CONTENTS,
  VM_SNAPSHOTS,
  type VolumeBackup,
} from './kinds.js';
import { RestoreTarget, RESTORE_NAME, LAST_RESTORE, lastRestoreValue, type RestoreStatus } from './restore-target.js';

const COMPONENT = 'restore-controller';
export const RESTORE_FINALIZER = 'snapshot.kubevirt.io/vmrestore-protection';
const GRACE_MS = 5 * 60_000;
const DROPPED_ANNOTATIONS = [
  'pv.kubernetes.io',
  'volume.beta.kubernetes.io',
  'cdi.kubevirt.io',
  'volume.kubernetes.io',
  'k8s.io/CloneRequest',
  'k8s.io/CloneOf',
];

interface RestoreSpec {
  target: { apiGroup?: string; kind: string; name: string };
  virtualMachineSnapshotName: string;
  targetReadinessPolicy?: string;
  patches?: string[];
}

class RestoreError extends Error {}

export class RestoreController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly restores: Informer,
    private readonly snapshots: Informer,
    private readonly enqueue: (key: string, afterMs?: number) => void,
  ) {}

  watch(): void {
    this.restores.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const byTarget = (o: KObject) => {
      for (const r of this.restores.list(o.metadata.namespace))
        if ((r.spec as RestoreSpec | undefined)?.target?.name === o.metadata.name) this.enqueue(keyOf(r));
    };
    const bySnapshot = (o: KObject) => {
      for (const r of this.restores.list(o.metadata.namespace))
        if ((r.spec as RestoreSpec | undefined)?.virtualMachineSnapshotName === o.metadata.name) this.enqueue(keyOf(r));
    };
    const byAnnotation = (o: KObject) => {
      const name = o.metadata.annotations?.[RESTORE_NAME];
      if (name) this.enqueue(`${o.metadata.namespace}/${name}`);
    };
    this.ctx.informers.vms.on({ onChange: byTarget, onDelete: byTarget });
    this.ctx.informers.vmis.on({ onChange: byTarget, onDelete: byTarget });
    this.ctx.informers.pvcs.on({ onChange: byAnnotation });
    this.ctx.informers.dataVolumes.on({ onChange: byAnnotation });
    this.snapshots.on({ onChange: bySnapshot, onDelete: bySnapshot });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const restore = client.tryGet(VM_RESTORES, ns, name);
    if (!restore) return;
    const status = structuredClone((restore.status ?? undefined) as RestoreStatus | undefined);
    const now = nowIso(this.ctx);
    if (!status) {
      return this.writeStatus(restore, {
        complete: false,
        conditions: [
          condition('Progressing', 'True', 'Initializing VirtualMachineRestore', now),
          condition('Ready', 'False', 'Initializing VirtualMachineRestore', now),
        ],
      });
    }
    const spec = restore.spec as RestoreSpec;
    if (spec.target?.kind !== 'VirtualMachine')
      return this.fail(restore, status, new RestoreError(`unknown source ${JSON.stringify(spec.target)}`));
    const target = new RestoreTarget(this.ctx, restore, client.tryGet(ResourceKey.vms, ns, spec.target.name));
    if (restore.metadata.deletionTimestamp) return this.deleting(restore, status, target);
    const failed = (status.conditions ?? []).some((c) => c.type === 'Failure');
    if (status.complete || failed) return;
    this.ownAndProtect(restore, target);
    try {
      this.step(restore, status, target, now);
    } catch (err) {
      if ((err as { code?: number }).code === 409) throw err;
      this.fail(restore, status, err as Error);
      // retried, as a failed sync is (rate-limited)
      this.enqueue(key, 5000 / this.ctx.clock.speed);
    }
  }

  private step(restore: KObject, status: RestoreStatus, target: RestoreTarget, now: string): void {
    const set = (type: string, s: 'True' | 'False', reason: string) =>
      (status.conditions = updateCondition(status.conditions, condition(type, s, reason, now)));
    if (!target.ready()) return this.notReady(restore, status, target, set);
    const { snapshot, content } = this.snapshotAndContent(restore);
    const sourceUid = snapshotStatus(snapshot).sourceUID;
    if (target.exists && !target.restored() && sourceUid && target.vm?.metadata.uid !== sourceUid)
      throw new RestoreError('restore source and restore target are different but restore target already exists');
    target.updateRestoreInProgress();
    if (this.reconcileVolumes(restore, status, target, content)) {
      set('Progressing', 'True', 'Creating new PVCs');
      set('Ready', 'False', 'Waiting for new PVCs');
      return this.writeStatus(restore, status);
    }
    const vm = contentSpec(content).source?.virtualMachine;
    if (!vm) throw new RestoreError('unexpected snapshot source');
    if (target.reconcile(vm, status)) {
      set('Progressing', 'True', 'Updating target spec');
      set('Ready', 'False', 'Waiting for target update');
      return this.writeStatus(restore, status);
    }
    for (const dv of status.deletedDataVolumes ?? [])
      if (this.ctx.client.tryGet(ResourceKey.dataVolumes, restore.metadata.namespace, dv))
        this.ctx.client.delete(ResourceKey.dataVolumes, restore.metadata.namespace, dv);
    target.updateDoneRestore();
    this.ctx.record(
      restore,
      'Normal',
      'VirtualMachineRestoreComplete',
      `Successfully completed VirtualMachineRestore ${restore.metadata.name ?? ''}`,
      COMPONENT,
    );
    status.complete = true;
    status.restoreTime = now;
    set('Progressing', 'False', 'Operation complete');
    set('Ready', 'True', 'Operation complete');
    this.writeStatus(restore, status);
  }

  private snapshotAndContent(restore: KObject): { snapshot: KObject; content: KObject } {
    const ns = restore.metadata.namespace;
    const name = (restore.spec as RestoreSpec).virtualMachineSnapshotName;
    const key = `${ns ?? ''}/${name}`;
    const snapshot = this.ctx.client.tryGet(VM_SNAPSHOTS, ns, name);
    if (!snapshot) throw new RestoreError(`VMSnapshot ${key} does not exist`);
    const s = snapshotStatus(snapshot);
    if (s.phase === 'Failed') throw new RestoreError(`VMSnapshot ${key} failed and is invalid to use`);
    if (!s.readyToUse) throw new RestoreError(`VMSnapshot ${key} not ready`);
    if (!s.virtualMachineSnapshotContentName) throw new RestoreError(`no snapshot content name in ${key}`);
    const content = this.ctx.client.tryGet(VM_SNAPSHOT_CONTENTS, ns, s.virtualMachineSnapshotContentName);
    const contentKey = `${ns ?? ''}/${s.virtualMachineSnapshotContentName}`;
    if (!content) throw new RestoreError(`VMSnapshotContent ${contentKey} does not exist`);
    if (!contentStatus(content).readyToUse) throw new RestoreError(`VMSnapshotContent ${contentKey} not ready`);
    return { snapshot, content };
  }

  /** status.restores from the content's backups, then a restored PVC for each (reconcileVolumeRestores). */
  private reconcileVolumes(restore: KObject, status: RestoreStatus, target: RestoreTarget, content: KObject): boolean {
    const backups = (contentSpec(content).volumeBackups ?? []).filter((b) => b.volumeSnapshotName);
    const restores = backups.map(
      (b) =>
        (status.restores ?? []).find((r) => r.volumeName === b.volumeName) ?? {
          volumeName: b.volumeName,
          persistentVolumeClaim: `restore-${restore.metadata.uid ?? ''}-${b.volumeName}`,
          volumeSnapshotName: b.volumeSnapshotName ?? '',
        },
    );
    if (JSON.stringify(restores) !== JSON.stringify(status.restores ?? [])) {
      status.restores = restores;
      return true;
    }
    const ns = restore.metadata.namespace;
    let changed = false;
    for (const r of restores) {
      const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, ns, r.persistentVolumeClaim);
      if (!pvc) {
        const backup = backups.find((b) => b.volumeName === r.volumeName);
        if (!backup) throw new RestoreError(`volume backup for volume ${r.volumeName} not found`);
        this.createPvc(restore, target, backup, r.persistentVolumeClaim, content);
        changed = true;
      } else if (pvc.status?.phase !== 'Bound') {
        if (pvc.status?.phase && pvc.status.phase !== 'Pending')
          throw new RestoreError(`PVC ${ns ?? ''}/${pvc.metadata.name ?? ''} in status "${pvc.status.phase}"`);
        changed = true; // Immediate binding: wait for it
      }
    }
    return changed;
  }

  /** The restored PVC (CreateRestorePVCDefFromVMRestore): the source claim's spec from the VolumeSnapshot. */
  private createPvc(
    restore: KObject,
    target: RestoreTarget,
    backup: VolumeBackup,
    name: string,
    content: KObject,
  ): void {
    const ns = restore.metadata.namespace;
    const vs = this.ctx.client.tryGet(VOLUME_SNAPSHOTS, ns, backup.volumeSnapshotName ?? '');
    if (!vs) throw new RestoreError(`missing volumeSnapshot ${backup.volumeSnapshotName ?? ''}`);
    const source = backup.persistentVolumeClaim;
    const spec = source.spec as {
      accessModes?: string[];
      resources?: { requests?: Record<string, string> };
      storageClassName?: string;
      volumeMode?: string;
    };
    const annotations = Object.fromEntries(
      Object.entries(source.metadata.annotations ?? {}).filter(
        ([k]) => !DROPPED_ANNOTATIONS.some((p) => k.startsWith(p)),
      ),
    );
    const vmMeta = contentSpec(content).source?.virtualMachine?.metadata;
    const ref = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: backup.volumeSnapshotName ?? '' };
    const requests = { ...spec.resources?.requests };
    const restoreSize = (vs.status as { restoreSize?: string } | undefined)?.restoreSize;
    if (restoreSize && !requests.storage) requests.storage = restoreSize;
    const owner = target.ownerRef();
    this.ctx.client.create(ResourceKey.pvcs, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: ns,
        labels: {
          ...source.metadata.labels,
          'restore.kubevirt.io/source-vm-name': vmMeta?.name ?? '',
          'restore.kubevirt.io/source-vm-namespace': vmMeta?.namespace ?? '',
        },
        annotations: {
          ...annotations,
          [RESTORE_NAME]: restore.metadata.name ?? '',
          [LAST_RESTORE]: lastRestoreValue(restore),
        },
        ...(owner ? { ownerReferences: [owner] } : {}),
      },
      spec: {
        accessModes: spec.accessModes,
        resources: { requests },
        ...(spec.storageClassName ? { storageClassName: spec.storageClassName } : {}),
        ...(spec.volumeMode ? { volumeMode: spec.volumeMode } : {}),
        dataSource: ref,
        dataSourceRef: ref,
      },
    });
  }

  private notReady(
    restore: KObject,
    status: RestoreStatus,
    target: RestoreTarget,
    set: (type: string, s: 'True' | 'False', reason: string) => void,
  ): void {
    const policy = (restore.spec as RestoreSpec).targetReadinessPolicy ?? 'WaitGracePeriod';
    this.ctx.record(restore, 'Normal', 'RestoreTargetNotReady', 'Restore target VMI still exists', COMPONENT);
    set('Progressing', 'False', 'Waiting for target to be ready');
    set('Ready', 'False', 'Waiting for target to be ready');
    if (policy === 'StopTarget') target.stop();
    else if (policy === 'FailImmediate') this.failed(set, 'Restore target not ready');
    else if (policy === 'WaitGracePeriod') {
      const { speed } = this.ctx.clock;
      const left = GRACE_MS - (this.ctx.clock.now() - Date.parse(restore.metadata.creationTimestamp ?? '')) * speed;
      if (left < 0) this.failed(set, 'Restore target failed to be ready within 5m0s');
      else this.enqueue(keyOf(restore), left / speed + 1);
    }
    this.writeStatus(restore, status);
  }

  private failed(set: (type: string, s: 'True' | 'False', reason: string) => void, why: string): void {
    set('Progressing', 'False', 'Operation failed');
    set('Failure', 'True', why);
    set('Ready', 'False', 'Operation failed');
  }

  /** doUpdateError: the error as both conditions' reason, a Warning event; retried on the next change. */
  private fail(restore: KObject, status: RestoreStatus, err: Error): void {
    const now = nowIso(this.ctx);
    this.ctx.record(
      restore,
      'Warning',
      'VirtualMachineRestoreError',
      `VirtualMachineRestore encountered error ${err.message}`,
      COMPONENT,
    );
    status.conditions = updateCondition(status.conditions, condition('Progressing', 'False', err.message, now));
    status.conditions = updateCondition(status.conditions, condition('Ready', 'False', err.message, now));
    this.writeStatus(restore, status);
  }

  private ownAndProtect(restore: KObject, target: RestoreTarget): void {
    const owner = target.ownerRef();
    const needsOwner = !(restore.metadata.ownerReferences ?? []).length && owner;
    if (!needsOwner && hasFinalizer(restore, RESTORE_FINALIZER)) return;
    this.ctx.client.mutate(VM_RESTORES, restore.metadata.namespace, restore.metadata.name ?? '', (o) => {
      if (!(o.metadata.ownerReferences ?? []).length && owner) o.metadata.ownerReferences = [owner];
      if (!hasFinalizer(o, RESTORE_FINALIZER))
        o.metadata.finalizers = [...(o.metadata.finalizers ?? []), RESTORE_FINALIZER];
    });
  }

  private deleting(restore: KObject, status: RestoreStatus, target: RestoreTarget): void {
    if (!hasFinalizer(restore, RESTORE_FINALIZER)) return;
    if (target.exists) target.updateDoneRestore();
    const now = nowIso(this.ctx);
    const next = structuredClone(status);
    next.conditions = updateCondition(
      next.conditions,
      condition('Progressing', 'False', 'VM restore is deleting', now),
    );
    next.conditions = updateCondition(next.conditions, condition('Ready', 'False', 'VM restore is deleting', now));
    if (JSON.stringify(next) !== JSON.stringify(status)) return this.writeStatus(restore, next);
    this.ctx.client.mutate(VM_RESTORES, restore.metadata.namespace, restore.metadata.name ?? '', (o) => {
      o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== RESTORE_FINALIZER);
    });
  }

  private writeStatus(restore: KObject, status: RestoreStatus): void {
    if (JSON.stringify(status) === JSON.stringify(restore.status ?? null)) return;
    this.ctx.client.mutate(
      VM_RESTORES,
      restore.metadata.namespace,
      restore.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== restore.metadata.uid) return false;
        o.status = status as Record<string, unknown>;
      },
      { subresource: 'status' },
    );
  }
}
