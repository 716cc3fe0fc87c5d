/**
 * The VM a VirtualMachineSnapshot is taken of, as KubeVirt's vmSnapshotSource
 * (pkg/storage/snapshot/source.go): its state (online, paused, guest agent, frozen, locked), the
 * lock (status.snapshotInProgress and the snapshot-source-protection finalizer), the guest
 * agent's filesystem freeze and thaw (the VMI's status.fsFreezeStatus), and its volumes' PVCs.
 */
import { getCondition, hasCondition } from '../../kubevirt/conditions.js';
import { ResourceKey, type KObject } from '../../runtime/client.js';
import { IDENTITY } from '../../runtime/identity.js';
import type { VM, VMI } from '../../kubevirt/types.js';
import type { ControllerContext } from '../context.js';
import { hasFinalizer, simplifiedMeta } from './kinds.js';

export const SOURCE_FINALIZER = 'snapshot.kubevirt.io/snapshot-source-protection';

interface VolumeLike {
  name: string;
  persistentVolumeClaim?: { claimName?: string };
  dataVolume?: { name?: string };
  memoryDump?: { claimName?: string };
}

/** volume name → claim name of every PVC-backed volume of a VM (storagetypes.GetPVCsFromVolumes). */
export function vmVolumeClaims(vm: KObject): Map<string, string> {
  const spec = vm.spec as { template?: { spec?: { volumes?: VolumeLike[] } } } | undefined;
  const out = new Map<string, string>();
  for (const v of spec?.template?.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name ?? v.memoryDump?.claimName;
    if (claim) out.set(v.name, claim);
  }
  return out;
}

export class SnapshotSource {
  readonly online: boolean;
  readonly paused: boolean;
  readonly guestAgent: boolean;
  frozen: boolean;
  locked: boolean;
  lockMsg: string;

  constructor(
    private readonly ctx: ControllerContext,
    public vm: VM,
    private readonly snapshotName: string,
  ) {
    const vmi = this.vmi();
    this.online = !!vmi;
    this.paused = !!vmi && hasCondition(vmi, 'Paused', 'True');
    this.guestAgent = !!vmi && !!getCondition(vmi, 'AgentConnected');
    this.frozen = (vmi?.status as { fsFreezeStatus?: string } | undefined)?.fsFreezeStatus === 'frozen';
    this.locked = this.inProgress() === snapshotName && hasFinalizer(vm, SOURCE_FINALIZER);
    this.lockMsg = this.locked ? 'Source locked and operation in progress' : 'Source not locked';
  }

  get uid(): string {
    return this.vm.metadata.uid ?? '';
  }

  private inProgress(): string | undefined {
    return (this.vm.status as { snapshotInProgress?: string } | undefined)?.snapshotInProgress;
  }

  private vmi(): VMI | undefined {
    return this.ctx.client.tryGet(ResourceKey.vmis, this.vm.metadata.namespace, this.vm.metadata.name ?? '');
  }

  /** Why the volumes cannot be snapshotted now (source.go verifyVolumes), or undefined. */
  private volumesProblem(): string | undefined {
    const ns = this.vm.metadata.namespace;
    for (const claim of vmVolumeClaims(this.vm).values()) {
      const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, ns, claim);
      if (!pvc) return `volume doesnt exist: ${claim}`;
      if (pvc.metadata.deletionTimestamp) return `volume is being deleted: ${claim}`;
      if (pvc.status?.phase !== 'Bound') return `volume not bound: ${claim}`;
      const dv = this.ctx.client.tryGet(ResourceKey.dataVolumes, ns, claim);
      if (dv && dv.status?.phase !== 'Succeeded') return `volume not populated: ${claim}`;
    }
    return undefined;
  }

  /** Locks the VM for this snapshot; false (with lockMsg saying why) when it cannot yet. */
  lock(): boolean {
    if (this.locked) return true;
    const problem = this.volumesProblem();
    if (problem) {
      this.lockMsg += ` source ${this.vm.metadata.namespace}/${this.vm.metadata.name} ${problem}`;
      return false;
    }
    const current = this.inProgress();
    if (current && current !== this.snapshotName) {
      this.lockMsg += ` snapshot "${current}" in progress`;
      return false;
    }
    const { client } = this.ctx;
    const ns = this.vm.metadata.namespace;
    const name = this.vm.metadata.name ?? '';
    if (!current)
      this.vm = client.mutate(
        ResourceKey.vms,
        ns,
        name,
        (o) => {
          if (o.metadata.uid !== this.vm.metadata.uid) return false;
          o.status = { ...o.status, snapshotInProgress: this.snapshotName };
        },
        { subresource: 'status' },
      );
    if (!hasFinalizer(this.vm, SOURCE_FINALIZER))
      this.vm = client.mutate(ResourceKey.vms, ns, name, (o) => {
        if (hasFinalizer(o, SOURCE_FINALIZER)) return false;
        o.metadata.finalizers = [...(o.metadata.finalizers ?? []), SOURCE_FINALIZER];
      });
    this.locked = true;
    this.lockMsg = 'Source locked and operation in progress';
    return true;
  }

  unlock(): void {
    if (this.inProgress() !== this.snapshotName) return;
    const { client } = this.ctx;
    const ns = this.vm.metadata.namespace;
    const name = this.vm.metadata.name ?? '';
    if (hasFinalizer(this.vm, SOURCE_FINALIZER))
      this.vm = client.mutate(ResourceKey.vms, ns, name, (o) => {
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== SOURCE_FINALIZER);
      });
    this.vm = client.mutate(
      ResourceKey.vms,
      ns,
      name,
      (o) => {
        const s = { ...o.status } as Record<string, unknown>;
        delete s.snapshotInProgress;
        o.status = s;
      },
      { subresource: 'status' },
    );
    this.locked = false;
  }

  /** The guest agent freezes the guest's filesystems (virt-handler reports fsFreezeStatus "frozen"). */
  freeze(): string | undefined {
    if (!this.locked) return 'attempting to freeze unlocked VM';
    if (this.frozen || this.paused || !this.guestAgent) return undefined;
    this.setFreezeStatus('frozen');
    this.frozen = true;
    return undefined;
  }

  unfreeze(): void {
    if (!this.locked || !this.guestAgent || this.paused) return;
    this.setFreezeStatus(undefined);
    this.frozen = false;
  }

  private setFreezeStatus(value: 'frozen' | undefined): void {
    this.ctx
      .clientAs(IDENTITY.kubevirtHandler)
      .mutate(ResourceKey.vmis, this.vm.metadata.namespace, this.vm.metadata.name ?? '', (o) => {
        const s = { ...o.status } as Record<string, unknown>;
        if (s.fsFreezeStatus === value) return false;
        if (value) s.fsFreezeStatus = value;
        else delete s.fsFreezeStatus;
        o.status = s;
      });
  }

  /** The VM as the snapshot content keeps it (source.go Spec): metadata simplified, no status. */
  spec(): KObject {
    return {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: simplifiedMeta(this.vm.metadata),
      spec: structuredClone(this.vm.spec) as unknown as Record<string, unknown>,
      status: {},
    };
  }
}
