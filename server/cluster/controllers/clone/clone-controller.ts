/**
 * VirtualMachineClones, as KubeVirt's clone controller (pkg/virt-controller/watch/clone/clone.go):
 * a VirtualMachineSnapshot of the source VM (`tmp-snapshot-<clone uid>`; a running VM is
 * snapshotted online), a VirtualMachineRestore of it to the target name with the clone's patches
 * (`tmp-restore-<clone uid>`), phases SnapshotInProgress → RestoreInProgress → CreatingTargetVM →
 * Succeeded, then the temporary snapshot and restore deleted once the new PVCs are bound. A source
 * that does not exist (or a snapshot deleted underway) fails the clone; a restore the webhook refuses
 * (a VM already has the target name) is a Warning RestoreCreationFailed event, retried.
 */
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { Informer } from '../../runtime/informer.js';
import { nowIso, type ControllerContext } from '../context.js';
import {
  VM_CLONES,
  VM_RESTORES,
  VM_SNAPSHOTS,
  VM_SNAPSHOT_CONTENTS,
  contentSpec,
  snapshotStatus,
  type Condition,
} from '../snapshot/kinds.js';
import { contentNameOf } from '../snapshot/vm-snapshot-controller.js';
import { clonePatches, type CloneSpec } from './clone-patches.js';

const COMPONENT = 'clone-controller';
const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

interface CloneStatus {
  phase?: string;
  snapshotName?: string;
  restoreName?: string;
  targetName?: string;
  creationTime?: string;
  conditions?: Condition[];
}

interface Sync {
  snapshotName?: string;
  snapshotReady?: boolean;
  restoreName?: string;
  restoreReady?: boolean;
  targetName?: string;
  targetCreated?: boolean;
  pvcBound?: boolean;
  failing?: { event: string; reason: string };
}

const ownedBy = (clone: KObject) => ({
  apiVersion: 'clone.kubevirt.io/v1beta1',
  kind: 'VirtualMachineClone',
  name: clone.metadata.name ?? '',
  uid: clone.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
});

/** KubeVirt's clone updateCondition: replaced only when the status changes. */
function setCondition(list: Condition[] | undefined, c: Condition): Condition[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((x) => x.type === c.type);
  if (i < 0) out.push(c);
  else if (out[i].status !== c.status) out[i] = c;
  return out;
}

export class CloneController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly clones: Informer,
    private readonly snapshots: Informer,
    private readonly restores: Informer,
    private readonly enqueue: (key: string, afterMs?: number) => void,
  ) {}

  watch(): void {
    this.clones.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const byOwner = (o: KObject) => {
      const ref = (o.metadata.ownerReferences ?? []).find((r) => r.kind === 'VirtualMachineClone');
      if (ref) this.enqueue(`${o.metadata.namespace}/${ref.name}`);
    };
    this.snapshots.on({ onChange: byOwner, onDelete: byOwner });
    this.restores.on({ onChange: byOwner, onDelete: byOwner });
    const byVm = (vm: KObject) => {
      for (const c of this.clones.list(vm.metadata.namespace)) {
        const spec = (c.spec ?? {}) as CloneSpec;
        const st = (c.status ?? {}) as CloneStatus;
        if (
          spec.source?.name === vm.metadata.name ||
          spec.target?.name === vm.metadata.name ||
          st.targetName === vm.metadata.name
        )
          this.enqueue(keyOf(c));
      }
    };
    this.ctx.informers.vms.on({ onChange: byVm, onDelete: byVm });
    this.ctx.informers.pvcs.on({
      onChange: (pvc) => {
        const restore = pvc.metadata.annotations?.['restore.kubevirt.io/name'];
        if (!restore) return;
        for (const c of this.clones.list(pvc.metadata.namespace))
          if (((c.status ?? {}) as CloneStatus).restoreName === restore) this.enqueue(keyOf(c));
      },
    });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const clone = client.tryGet(VM_CLONES, ns, name);
    if (!clone || clone.metadata.deletionTimestamp) return;
    const status = (clone.status ?? {}) as CloneStatus;
    if (status.phase === 'Succeeded' && status.targetName && !client.tryGet(ResourceKey.vms, ns, status.targetName)) {
      client.delete(VM_CLONES, ns, name); // the clone of a deleted VM goes with it
      return;
    }
    if (status.phase === 'Failed') return;
    const spec = (clone.spec ?? {}) as CloneSpec;
    const kind = spec.source?.kind;
    let source: KObject | undefined;
    if (kind === 'VirtualMachine') source = client.tryGet(ResourceKey.vms, ns, spec.source?.name ?? '');
    else if (kind === 'VirtualMachineSnapshot') source = client.tryGet(VM_SNAPSHOTS, ns, spec.source?.name ?? '');
    else throw new Error(`clone ${name} is defined with an unknown source type ${kind ?? ''}`);
    if (!source) {
      const reason = `${kind} ${spec.source?.name ?? ''} does not exist in namespace ${ns ?? ''}`;
      return this.updateStatus(clone, { failing: { event: 'SourceDoesNotExist', reason } });
    }
    this.updateStatus(clone, this.sync(clone, spec, status, kind, source));
  }

  private sync(clone: KObject, spec: CloneSpec, status: CloneStatus, kind: string, source: KObject): Sync {
    const { client } = this.ctx;
    const ns = clone.metadata.namespace;
    const out: Sync = {};
    const phase = status.phase ?? '';
    let snapshotName = kind === 'VirtualMachineSnapshot' ? source.metadata.name : status.snapshotName;
    if (phase === '' || phase === 'SnapshotInProgress') {
      if (kind === 'VirtualMachine' && !status.snapshotName) {
        out.snapshotName = this.createSnapshot(clone, source);
        return out;
      }
      const snap = client.tryGet(VM_SNAPSHOTS, ns, snapshotName ?? '');
      if (!snap || snapshotStatus(snap).readyToUse !== true) return out;
      this.event(
        clone,
        'SnapshotReady',
        `snapshot ${snapshotName ?? ''} for clone ${clone.metadata.name ?? ''} is ready to use`,
      );
      out.snapshotReady = true;
    }
    if (['', 'SnapshotInProgress', 'RestoreInProgress'].includes(phase)) {
      const snap = client.tryGet(VM_SNAPSHOTS, ns, snapshotName ?? '');
      if (!snap) {
        out.failing = { event: 'SnapshotDeleted', reason: `snapshot ${snapshotName ?? ''} does not exist anymore` };
        return out;
      }
      snapshotName = snap.metadata.name;
      if (!status.restoreName) {
        out.restoreName = this.createRestore(clone, spec, snap, source);
        return out;
      }
      const restore = client.tryGet(VM_RESTORES, ns, status.restoreName);
      const rs = (restore?.status ?? {}) as { complete?: boolean; conditions?: Condition[] };
      const failed = (rs.conditions ?? []).some((c) => c.type === 'Failure');
      if (!restore || (!rs.complete && !failed)) return out;
      this.event(
        clone,
        'RestoreReady',
        `restore ${status.restoreName} for clone ${clone.metadata.name ?? ''} is ready to use`,
      );
      out.restoreReady = true;
      out.targetName = (restore.spec as { target: { name: string } }).target.name;
    }
    const targetName = out.targetName ?? status.targetName ?? spec.target?.name ?? '';
    if (['', 'SnapshotInProgress', 'RestoreInProgress', 'CreatingTargetVM'].includes(phase)) {
      if (!client.tryGet(ResourceKey.vms, ns, targetName)) return out;
      this.event(clone, 'TargetVMCreated', `created target VM ${targetName} for clone ${clone.metadata.name ?? ''}`);
      out.targetCreated = true;
    }
    if (status.restoreName) {
      const restore = client.tryGet(VM_RESTORES, ns, status.restoreName);
      const claims = (
        (restore?.status as { restores?: { persistentVolumeClaim: string }[] } | undefined)?.restores ?? []
      ).map((r) => r.persistentVolumeClaim);
      if (restore && claims.some((c) => client.tryGet(ResourceKey.pvcs, ns, c)?.status?.phase !== 'Bound')) return out;
      this.event(clone, 'PVCBound', `all PVC for clone ${clone.metadata.name ?? ''} are bound`);
      out.pvcBound = true;
      if (restore) client.delete(VM_RESTORES, ns, status.restoreName);
      if (kind === 'VirtualMachine' && status.snapshotName && client.tryGet(VM_SNAPSHOTS, ns, status.snapshotName))
        client.delete(VM_SNAPSHOTS, ns, status.snapshotName);
    }
    return out;
  }

  private createSnapshot(clone: KObject, vm: KObject): string {
    const name = `tmp-snapshot-${clone.metadata.uid ?? ''}`;
    try {
      this.ctx.client.create(VM_SNAPSHOTS, {
        apiVersion: 'snapshot.kubevirt.io/v1beta1',
        kind: 'VirtualMachineSnapshot',
        metadata: { name, namespace: vm.metadata.namespace, ownerReferences: [ownedBy(clone)] },
        spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm.metadata.name } },
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
      return name;
    }
    this.event(clone, 'SnapshotCreated', `created snapshot ${name} for clone ${clone.metadata.name ?? ''}`);
    return name;
  }

  private createRestore(clone: KObject, spec: CloneSpec, snap: KObject, source: KObject): string | undefined {
    const name = `tmp-restore-${clone.metadata.uid ?? ''}`;
    const ns = clone.metadata.namespace;
    const content = this.ctx.client.tryGet(VM_SNAPSHOT_CONTENTS, ns, contentNameOf(snap));
    const vm = contentSpec(content ?? snap).source?.virtualMachine;
    if (!vm)
      throw new Error(
        `cannot get VM manifest from snapshot: snapshot content ${contentNameOf(snap)} in namespace ${ns ?? ''} does not exist`,
      );
    let target = spec.target?.name;
    if (!target) {
      const suffix = Array.from({ length: 5 }, () => NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)]).join(
        '',
      );
      target = `${(source.kind === 'VirtualMachine' ? source : vm).metadata.name ?? ''}-clone-${suffix}`;
    }
    try {
      this.ctx.client.create(VM_RESTORES, {
        apiVersion: 'snapshot.kubevirt.io/v1beta1',
        kind: 'VirtualMachineRestore',
        metadata: { name, namespace: ns, ownerReferences: [ownedBy(clone)] },
        spec: {
          target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: target },
          virtualMachineSnapshotName: snap.metadata.name,
          patches: clonePatches(vm, spec),
        },
      });
    } catch (err) {
      if ((err as { code?: number }).code === 409) return name;
      const message = `failed creating restore ${name} for clone ${clone.metadata.name ?? ''}: ${(err as Error).message}`;
      this.ctx.record(clone, 'Warning', 'RestoreCreationFailed', message, COMPONENT);
      this.enqueue(keyOf(clone), 5000 / this.ctx.clock.speed);
      return undefined;
    }
    this.event(clone, 'RestoreCreated', `created restore ${name} for clone ${clone.metadata.name ?? ''}`);
    return name;
  }

  private event(clone: KObject, reason: string, message: string): void {
    this.ctx.record(clone, 'Normal', reason, message, COMPONENT);
  }

  /** clone.go updateStatus: the phase walks forward as far as the sync got. */
  private updateStatus(clone: KObject, sync: Sync): void {
    const now = nowIso(this.ctx);
    const old = (clone.status ?? {}) as CloneStatus;
    const s: CloneStatus = structuredClone(old);
    const cond = (type: string, status: 'True' | 'False', reason: string): Condition => ({
      type,
      status,
      reason,
      lastProbeTime: null,
      lastTransitionTime: now,
    });
    const set = (...cs: Condition[]) => {
      for (const c of cs) s.conditions = setCondition(s.conditions, c);
    };
    if (sync.failing) {
      this.event(clone, sync.failing.event, sync.failing.reason);
      s.phase = 'Failed';
      set(cond('Progressing', 'False', 'Failed'), cond('Ready', 'False', 'Failed'));
    }
    set(cond('Progressing', 'True', 'Still processing'), cond('Ready', 'False', 'Still processing'));
    if (!s.phase) s.phase = 'SnapshotInProgress';
    if (s.phase === 'SnapshotInProgress') {
      if (sync.snapshotName) s.snapshotName = sync.snapshotName;
      if (sync.snapshotReady) s.phase = 'RestoreInProgress';
    }
    if (s.phase === 'RestoreInProgress') {
      if (sync.restoreName) s.restoreName = sync.restoreName;
      if (sync.restoreReady) s.phase = 'CreatingTargetVM';
    }
    if (s.phase === 'CreatingTargetVM') {
      if (sync.targetName) s.targetName = sync.targetName;
      if (sync.targetCreated) s.phase = 'Succeeded';
    }
    if (s.phase === 'Succeeded') set(cond('Progressing', 'False', 'Ready'), cond('Ready', 'True', 'Ready'));
    if (sync.pvcBound) {
      delete s.snapshotName;
      delete s.restoreName;
    }
    if (JSON.stringify(s) === JSON.stringify(old)) return;
    this.ctx.client.mutate(
      VM_CLONES,
      clone.metadata.namespace,
      clone.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== clone.metadata.uid) return false;
        o.status = s as Record<string, unknown>;
      },
      { subresource: 'status' },
    );
  }
}
