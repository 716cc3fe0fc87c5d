/**
 * VirtualMachineSnapshots, as KubeVirt's snapshot controller (pkg/storage/snapshot/snapshot.go,
 * updateVMSnapshot and updateSnapshotStatus): the finalizer, the source VM locked
 * (status.snapshotInProgress) while the snapshot progresses, the VirtualMachineSnapshotContent
 * created with a VolumeBackup for every volume whose storage class has a VolumeSnapshotClass,
 * then phase, conditions, indications and readyToUse/error from the content; Failed past
 * spec.failureDeadline (5m by default); on deletion the content (deletionPolicy Delete) goes
 * and the source is unlocked. A snapshot of a VM that does not exist waits for it.
 */
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { Informer } from '../../runtime/informer.js';
import { nowIso, type ControllerContext } from '../context.js';
import { snapshotClassFor, VOLUME_SNAPSHOT_CLASSES } from './csi-classes.js';
import {
  condition,
  contentStatus,
  hasFinalizer,
  parseGoDuration,
  simplifiedMeta,
  snapshotSpec,
  snapshotStatus,
  updateCondition,
  VM_SNAPSHOT_CONTENTS,
  VM_SNAPSHOTS,
  type SnapshotStatus,
  type VolumeBackup,
} from './kinds.js';
import { SnapshotSource, vmVolumeClaims } from './snapshot-source.js';

const COMPONENT = 'snapshot-controller';
export const SNAPSHOT_FINALIZER = 'snapshot.kubevirt.io/vmsnapshot-protection';
export const CONTENT_FINALIZER = 'snapshot.kubevirt.io/vmsnapshotcontent-protection';
const DEFAULT_DEADLINE_MS = 5 * 60_000;

const INDICATION_MESSAGES: Record<string, string> = {
  Online: 'Snapshot taken while the VM was running. Consistency depends on guest-agent quiescing.',
  GuestAgent: 'Guest agent was active and attempted to quiesce the filesystem for application consistency.',
  NoGuestAgent: 'Guest agent was not available. Snapshot is crash-consistent and may not be application-consistent.',
  Paused: 'Snapshot taken while the VM was paused. Snapshot is crash-consistent and may not be application-consistent.',
  Partial:
    'Not all snapshotable volumes were included in the snapshot. Check status.snapshotVolumes for excluded volumes and VM VolumeSnapshotStatus for details.',
};

export function contentNameOf(snap: KObject): string {
  return snapshotStatus(snap).virtualMachineSnapshotContentName ?? `vmsnapshot-content-${snap.metadata.uid ?? ''}`;
}

const failed = (s: SnapshotStatus | undefined) => s?.phase === 'Failed';
const succeeded = (s: SnapshotStatus | undefined) => s?.phase === 'Succeeded';
const progressing = (s: SnapshotStatus | undefined) => !failed(s) && !succeeded(s);
const deleteContentPolicy = (snap: KObject) => (snapshotSpec(snap).deletionPolicy ?? 'Delete') === 'Delete';
const shouldDeleteContent = (snap: KObject, content: KObject) =>
  deleteContentPolicy(snap) || contentStatus(content).readyToUse !== true;

export class VmSnapshotController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly snapshots: Informer,
    private readonly contents: Informer,
    private readonly enqueue: (key: string, afterMs?: number) => void,
  ) {}

  watch(): void {
    this.snapshots.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const bySource = (o: KObject) => {
      for (const s of this.snapshots.list(o.metadata.namespace))
        if (snapshotSpec(s).source?.name === o.metadata.name) this.enqueue(keyOf(s));
    };
    this.ctx.informers.vms.on({ onChange: bySource, onDelete: bySource });
    this.ctx.informers.vmis.on({ onChange: bySource, onDelete: bySource });
    const byContent = (c: KObject) => {
      const name = (c.spec as { virtualMachineSnapshotName?: string } | undefined)?.virtualMachineSnapshotName;
      if (name) this.enqueue(`${c.metadata.namespace}/${name}`);
    };
    this.contents.on({ onChange: byContent, onDelete: byContent });
  }

  /** Real milliseconds left before spec.failureDeadline (cluster time), undefined without one. */
  private deadlineMs(snap: KObject): number | undefined {
    const text = snapshotSpec(snap).failureDeadline;
    const ms = text === undefined ? DEFAULT_DEADLINE_MS : parseGoDuration(text);
    if (!ms) return undefined;
    // cluster time: --speed shortens the deadline as it shortens every other duration
    const { speed } = this.ctx.clock;
    const elapsed = (this.ctx.clock.now() - Date.parse(snap.metadata.creationTimestamp ?? '')) * speed;
    return (ms - elapsed) / speed;
  }

  private deadlineExceeded(snap: KObject, status: SnapshotStatus | undefined): boolean {
    if (failed(status)) return true;
    if (!progressing(status)) return false;
    const left = this.deadlineMs(snap);
    return left !== undefined && left < 0;
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    let snap = client.tryGet(VM_SNAPSHOTS, ns, name);
    if (!snap) return;
    const source = this.source(snap);
    const content = client.tryGet(VM_SNAPSHOT_CONTENTS, ns, contentNameOf(snap));
    const deleting = !!snap.metadata.deletionTimestamp;
    const terminating = deleting || this.deadlineExceeded(snap, snap.status as SnapshotStatus | undefined);
    if (!terminating && !hasFinalizer(snap, SNAPSHOT_FINALIZER))
      snap = client.mutate(VM_SNAPSHOTS, ns, name, (o) => {
        if (hasFinalizer(o, SNAPSHOT_FINALIZER)) return false;
        o.metadata.finalizers = [...(o.metadata.finalizers ?? []), SNAPSHOT_FINALIZER];
      });
    let canRemoveFinalizer = true;
    let retryMs: number | undefined;
    if (snap.status && source) {
      const status = snap.status as SnapshotStatus;
      if (progressing(status) && !terminating) {
        if (!source.locked) {
          source.lock();
          retryMs = 5000 / this.ctx.clock.speed;
        } else if (!content) {
          this.createContent(snap, source);
        }
        canRemoveFinalizer = false;
      } else {
        const contentGone = !content || !shouldDeleteContent(snap, content);
        if (!progressing(status) || (terminating && contentGone)) source.unlock();
        canRemoveFinalizer = !source.locked;
      }
    }
    if (terminating && content && shouldDeleteContent(snap, content) && !content.metadata.deletionTimestamp)
      client.delete(VM_SNAPSHOT_CONTENTS, ns, content.metadata.name ?? '');
    snap = this.updateStatus(snap, source);
    if (deleting && canRemoveFinalizer && hasFinalizer(snap, SNAPSHOT_FINALIZER))
      client.mutate(VM_SNAPSHOTS, ns, name, (o) => {
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== SNAPSHOT_FINALIZER);
      });
    const left = progressing(snap.status as SnapshotStatus) ? this.deadlineMs(snap) : undefined;
    const next = retryMs ?? (left !== undefined && left > 0 ? left + 1 : undefined);
    if (next !== undefined) this.enqueue(key, next);
  }

  private source(snap: KObject): SnapshotSource | undefined {
    const src = snapshotSpec(snap).source;
    if (src?.kind !== 'VirtualMachine') return undefined;
    const vm = this.ctx.client.tryGet(ResourceKey.vms, snap.metadata.namespace, src.name ?? '');
    return vm ? new SnapshotSource(this.ctx, vm, snap.metadata.name ?? '') : undefined;
  }

  /** The VolumeSnapshotClass of a PVC's storage class ('' when none: the volume is left out). */
  snapshotClassOfClaim(ns: string | undefined, claim: string): string {
    const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, ns, claim);
    const scName = pvc?.spec?.storageClassName;
    if (!pvc || pvc.status?.phase !== 'Bound' || !scName) return '';
    const sc = this.ctx.client.tryGet(ResourceKey.storageClasses, undefined, scName);
    return snapshotClassFor(this.ctx.client.list(VOLUME_SNAPSHOT_CLASSES).items, sc).name;
  }

  private createContent(snap: KObject, source: SnapshotSource): void {
    const ns = snap.metadata.namespace;
    const backups: VolumeBackup[] = [];
    for (const [volumeName, claim] of vmVolumeClaims(source.vm)) {
      if (!this.snapshotClassOfClaim(ns, claim)) continue;
      const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, ns, claim);
      if (!pvc) continue;
      backups.push({
        volumeName,
        persistentVolumeClaim: {
          metadata: simplifiedMeta(pvc.metadata),
          spec: structuredClone(pvc.spec) as unknown as Record<string, unknown>,
        },
        volumeSnapshotName: `vmsnapshot-${snap.metadata.uid ?? ''}-volume-${volumeName}`,
      });
    }
    const name = contentNameOf(snap);
    try {
      this.ctx.client.create(VM_SNAPSHOT_CONTENTS, {
        apiVersion: 'snapshot.kubevirt.io/v1beta1',
        kind: 'VirtualMachineSnapshotContent',
        metadata: { name, namespace: ns, finalizers: [CONTENT_FINALIZER] },
        spec: {
          virtualMachineSnapshotName: snap.metadata.name,
          source: { virtualMachine: source.spec() },
          volumeBackups: backups,
        },
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
    }
    this.ctx.record(
      snap,
      'Normal',
      'SuccessfulVirtualMachineSnapshotContentCreate',
      `Successfully created VirtualMachineSnapshotContent ${name}`,
      COMPONENT,
    );
  }

  private updateStatus(snap: KObject, source: SnapshotSource | undefined): KObject {
    const now = nowIso(this.ctx);
    const old = snap.status as SnapshotStatus | undefined;
    const s: SnapshotStatus = structuredClone(old ?? { readyToUse: false });
    const content = this.ctx.client.tryGet(VM_SNAPSHOT_CONTENTS, snap.metadata.namespace, contentNameOf(snap));
    if (source) s.sourceUID = source.uid;
    if (content?.status) {
      const cs = contentStatus(content);
      s.virtualMachineSnapshotContentName = content.metadata.name;
      s.creationTime = cs.creationTime ?? null;
      s.readyToUse = cs.readyToUse;
      s.error = cs.error ?? null;
    }
    const set = (type: string, status: 'True' | 'False', reason: string) =>
      (s.conditions = updateCondition(s.conditions, condition(type, status, reason, now)));
    if (this.deadlineExceeded(snap, s)) {
      s.phase = 'Failed';
      set('Failure', 'True', 'snapshot deadline exceeded');
      set('Progressing', 'False', 'Operation failed');
    } else if (succeeded(s) || s.creationTime) {
      s.phase = 'Succeeded';
      set('Progressing', 'False', 'Operation complete');
      if (content) this.snapshotVolumes(s, content);
    } else {
      s.phase = 'InProgress';
      if (source) {
        set('Progressing', source.locked ? 'True' : 'False', source.lockMsg);
        this.indications(s, source);
      } else set('Progressing', 'False', 'Source does not exist');
      if (snap.metadata.deletionTimestamp) {
        s.phase = 'Deleting';
        set('Progressing', 'False', 'VM snapshot is deleting');
      }
    }
    set('Ready', s.readyToUse ? 'True' : 'False', s.readyToUse ? 'Ready' : 'Not ready');
    if (s.error) set('Progressing', 'False', 'In error state');
    for (const k of Object.keys(s) as (keyof SnapshotStatus)[]) if (s[k] === null || s[k] === undefined) delete s[k];
    if (JSON.stringify(s) === JSON.stringify(old ?? null)) return snap;
    return this.ctx.client.mutate(
      VM_SNAPSHOTS,
      snap.metadata.namespace,
      snap.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== snap.metadata.uid) return false;
        o.status = s as Record<string, unknown>;
      },
      { subresource: 'status' },
    );
  }

  private indications(s: SnapshotStatus, source: SnapshotSource): void {
    if (!source.online) {
      delete s.indications;
      delete s.sourceIndications;
      return;
    }
    const set = new Set(s.indications ?? []);
    set.add('Online');
    if (source.paused) set.add('Paused');
    else set.add(source.guestAgent ? 'GuestAgent' : 'NoGuestAgent');
    const list = [...set].sort();
    s.indications = list;
    s.sourceIndications = list.map((i) => ({ indication: i, message: INDICATION_MESSAGES[i] ?? 'Unknown indication' }));
  }

  /** status.snapshotVolumes and the Partial indication (updateSnapshotSnapshotableVolumes). */
  private snapshotVolumes(s: SnapshotStatus, content: KObject): void {
    const vm = (content.spec as { source?: { virtualMachine?: KObject } } | undefined)?.source?.virtualMachine;
    if (!vm) return;
    const backed = new Set(
      ((content.spec as { volumeBackups?: VolumeBackup[] }).volumeBackups ?? []).map((b) => b.volumeName),
    );
    const volumes =
      (vm.spec as { template?: { spec?: { volumes?: { name: string }[] } } } | undefined)?.template?.spec?.volumes ??
      [];
    const claims = vmVolumeClaims(vm);
    const included = volumes.filter((v) => backed.has(v.name)).map((v) => v.name);
    const excluded = volumes.filter((v) => !backed.has(v.name)).map((v) => v.name);
    s.snapshotVolumes = {
      ...(included.length ? { includedVolumes: included } : {}),
      ...(excluded.length ? { excludedVolumes: excluded } : {}),
    };
    if (excluded.some((v) => claims.has(v)) && !(s.indications ?? []).includes('Partial')) {
      s.indications = [...(s.indications ?? []), 'Partial'];
      s.sourceIndications = [
        ...(s.sourceIndications ?? []),
        { indication: 'Partial', message: INDICATION_MESSAGES.Partial },
      ];
    }
  }
}
