/**
 * The VM a VirtualMachineRestore writes, as KubeVirt's vmRestoreTarget
 * (pkg/storage/snapshot/restore.go): ready when it has no VMI, status.restoreInProgress while
 * the restore runs, and its spec rebuilt from the snapshot's VM with every PVC and DataVolume
 * volume pointing at the restored claims (a DataVolume template renamed to the restored
 * DataVolume, created prePopulated), the restore's JSON patches applied to a new VM, and the
 * restore.kubevirt.io/lastRestoreUID annotation.
 */
import { jsonPatch } from '../../store/patch/json-patch.js';
import { ResourceKey, type KObject } from '../../runtime/client.js';
import type { VM } from '../../kubevirt/types.js';
import type { ControllerContext } from '../context.js';
import type { Condition } from './kinds.js';

export const LAST_RESTORE = 'restore.kubevirt.io/lastRestoreUID';
export const RESTORE_NAME = 'restore.kubevirt.io/name';
export const POPULATED_FOR = 'cdi.kubevirt.io/storage.populatedFor';
const PRE_POPULATED = 'cdi.kubevirt.io/storage.prePopulated';

export interface VolumeRestore {
  volumeName: string;
  persistentVolumeClaim: string;
  volumeSnapshotName: string;
  dataVolumeName?: string;
}

export interface RestoreStatus {
  complete?: boolean;
  restoreTime?: string;
  conditions?: Condition[];
  restores?: VolumeRestore[];
  deletedDataVolumes?: string[];
}

interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string };
  dataVolume?: { name: string };
  memoryDump?: { claimName: string };
  [k: string]: unknown;
}
interface VmSpec {
  runStrategy?: string;
  running?: boolean;
  dataVolumeTemplates?: Array<{ metadata?: { name?: string }; spec?: unknown }>;
  template?: { spec?: { volumes?: Volume[] } };
}

export const lastRestoreValue = (restore: KObject) => `${restore.metadata.name ?? ''}-${restore.metadata.uid ?? ''}`;
export const hasLastRestore = (restore: KObject, obj: KObject | undefined) =>
  obj?.metadata.annotations?.[LAST_RESTORE] === lastRestoreValue(restore);

/** Applies a restore's patches (JSON Patch operations, one per string); a replace of a missing key adds it. */
export function applyPatches(vm: KObject, patches: string[]): KObject {
  let doc = structuredClone(vm) as unknown as Record<string, unknown>;
  for (const text of patches) {
    const op = JSON.parse(text) as { op?: string };
    try {
      doc = jsonPatch(doc, [op]) as Record<string, unknown>;
    } catch (err) {
      if (op.op !== 'replace') throw err;
      doc = jsonPatch(doc, [{ ...op, op: 'add' }]) as Record<string, unknown>;
    }
  }
  return doc as unknown as KObject;
}

export class RestoreTarget {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly restore: KObject,
    public vm: VM | undefined,
  ) {}

  get exists(): boolean {
    return !!this.vm;
  }

  /** Ready to be restored: no VMI (restore.go Ready). */
  ready(): boolean {
    if (!this.vm) return true;
    return !this.ctx.client.tryGet(ResourceKey.vmis, this.vm.metadata.namespace, this.vm.metadata.name ?? '');
  }

  restored(): boolean {
    return hasLastRestore(this.restore, this.vm);
  }

  private setInProgress(value: string | undefined): void {
    if (!this.vm) return;
    this.vm = this.ctx.client.mutate(
      ResourceKey.vms,
      this.vm.metadata.namespace,
      this.vm.metadata.name ?? '',
      (o) => {
        const s = { ...o.status } as Record<string, unknown>;
        if (s.restoreInProgress === value) return false;
        if (value === undefined) delete s.restoreInProgress;
        else s.restoreInProgress = value;
        o.status = s;
      },
      { subresource: 'status' },
    );
  }

  /** status.restoreInProgress on the VM; an error when another restore holds it. */
  updateRestoreInProgress(): void {
    if (!this.vm || this.restored()) return;
    const current = (this.vm.status as { restoreInProgress?: string } | undefined)?.restoreInProgress;
    if (current && current !== this.restore.metadata.name) throw new Error(`vm restore ${current} in progress`);
    this.setInProgress(this.restore.metadata.name);
  }

  updateDoneRestore(): void {
    if (!this.vm) throw new Error('At this point target should exist');
    const current = (this.vm.status as { restoreInProgress?: string } | undefined)?.restoreInProgress;
    if (current !== this.restore.metadata.name) return;
    this.setInProgress(undefined);
  }

  /** Stops the VM (targetReadinessPolicy StopTarget), as the stop subresource does. */
  stop(): void {
    if (!this.vm) return;
    this.ctx.client.mutate(ResourceKey.vms, this.vm.metadata.namespace, this.vm.metadata.name ?? '', (o) => {
      const spec = o.spec as { runStrategy?: string; running?: boolean };
      if (spec.running !== undefined) spec.running = false;
      else spec.runStrategy = 'Halted';
    });
  }

  /** An ownerReference to the target VM (restored PVCs and the restore itself are owned by it). */
  ownerRef(): NonNullable<KObject['metadata']['ownerReferences']>[number] | undefined {
    if (!this.vm) return undefined;
    return {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      name: this.vm.metadata.name ?? '',
      uid: this.vm.metadata.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  /**
   * One step of writing the target (restore.go Reconcile); true when something was written and
   * the restore waits for the next pass. `restores` is updated in place (dataVolumeName).
   */
  reconcile(snapshotVm: KObject, status: RestoreStatus): boolean {
    if (this.vm && this.restored()) return false;
    const ns = this.restore.metadata.namespace;
    const spec = snapshotVm.spec as VmSpec;
    const templates = spec.dataVolumeTemplates ?? [];
    const volumes = spec.template?.spec?.volumes ?? [];
    let updated = false;
    for (const r of status.restores ?? []) {
      const v = volumes.find((x) => x.name === r.volumeName);
      if (!v?.dataVolume || !templates.some((t) => t.metadata?.name === v.dataVolume?.name)) continue;
      const dvName = r.persistentVolumeClaim;
      const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, ns, r.persistentVolumeClaim);
      if (!pvc) throw new Error(`pvc ${ns ?? ''}/${r.persistentVolumeClaim} does not exist and should`);
      if (pvc.metadata.annotations?.[POPULATED_FOR] !== dvName)
        this.ctx.client.mutate(ResourceKey.pvcs, ns, r.persistentVolumeClaim, (o) => {
          o.metadata.annotations = { ...o.metadata.annotations, [POPULATED_FOR]: dvName };
          delete o.metadata.ownerReferences; // the DataVolume takes ownership
        });
      if (r.dataVolumeName !== dvName) {
        r.dataVolumeName = dvName;
        updated = true;
      }
    }
    if (updated) return true;
    const restored = this.restoredVm(snapshotVm, status);
    if (this.reconcileDataVolumes(restored, status)) return true;
    this.writeSpec(restored);
    return true;
  }

  private restoredVm(snapshotVm: KObject, status: RestoreStatus): KObject {
    const spec = structuredClone(snapshotVm.spec) as VmSpec;
    const templates = spec.dataVolumeTemplates ?? [];
    const volumes: Volume[] = [];
    for (const v of spec.template?.spec?.volumes ?? []) {
      if (v.memoryDump) continue;
      const r = (status.restores ?? []).find((x) => x.volumeName === v.name);
      if (r && v.persistentVolumeClaim) v.persistentVolumeClaim.claimName = r.persistentVolumeClaim;
      else if (r && v.dataVolume) {
        const i = templates.findIndex((t) => t.metadata?.name === v.dataVolume?.name);
        if (i >= 0) {
          if (!r.dataVolumeName)
            throw new Error(`DataVolumeName for dv ${v.dataVolume.name} should have been updated already`);
          templates[i] = { ...templates[i], metadata: { ...templates[i].metadata, name: r.dataVolumeName } };
          v.dataVolume.name = r.dataVolumeName;
        } else {
          volumes.push({ name: v.name, persistentVolumeClaim: { claimName: r.persistentVolumeClaim } });
          continue;
        }
      }
      volumes.push(v);
    }
    let vm: KObject;
    if (!this.vm) {
      if (spec.running !== undefined) spec.running = false;
      else spec.runStrategy = 'Halted';
      vm = {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: {
          name: (this.restore.spec as { target: { name: string } }).target.name,
          namespace: this.restore.metadata.namespace,
          ...(snapshotVm.metadata.labels ? { labels: { ...snapshotVm.metadata.labels } } : {}),
          ...(snapshotVm.metadata.annotations ? { annotations: { ...snapshotVm.metadata.annotations } } : {}),
        },
        spec: spec as Record<string, unknown>,
      };
    } else {
      vm = structuredClone(this.vm) as unknown as KObject;
      const current = this.vm.spec as VmSpec;
      if (current.running !== undefined) {
        spec.running = false;
        delete spec.runStrategy;
      } else {
        // an existing VM keeps its run strategy
        spec.runStrategy = current.runStrategy ?? 'Halted';
        delete spec.running;
      }
      vm.spec = spec as Record<string, unknown>;
    }
    spec.dataVolumeTemplates = templates;
    if (spec.template?.spec) spec.template.spec.volumes = volumes;
    vm.metadata.annotations = { ...vm.metadata.annotations, [LAST_RESTORE]: lastRestoreValue(this.restore) };
    return vm;
  }

  /** Creates the restored DataVolumes (prePopulated) and notes the ones the VM no longer has. */
  private reconcileDataVolumes(vm: KObject, status: RestoreStatus): boolean {
    const ns = this.restore.metadata.namespace;
    let created = false;
    let waiting = false;
    for (const t of (vm.spec as VmSpec).dataVolumeTemplates ?? []) {
      const name = t.metadata?.name ?? '';
      const dv = this.ctx.client.tryGet(ResourceKey.dataVolumes, ns, name);
      if (dv) {
        waiting ||= !['Succeeded', 'WaitForFirstConsumer', 'PendingPopulation'].includes(dv.status?.phase ?? '');
        continue;
      }
      const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, ns, name);
      if (!pvc) throw new Error(`when creating restore dv pvc ${ns ?? ''}/${name} does not exist and should`);
      if (pvc.metadata.annotations?.[POPULATED_FOR] !== name || (pvc.metadata.ownerReferences ?? []).length) continue;
      const owner = this.ownerRef();
      this.ctx.client.create(ResourceKey.dataVolumes, {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: {
          name,
          namespace: ns,
          annotations: { [RESTORE_NAME]: this.restore.metadata.name ?? '', [PRE_POPULATED]: 'true' },
          ...(owner ? { ownerReferences: [owner] } : {}),
        },
        spec: structuredClone(t.spec) as Record<string, unknown>,
      });
      created = true;
    }
    if (this.vm) {
      const next = new Set(((vm.spec as VmSpec).dataVolumeTemplates ?? []).map((t) => t.metadata?.name));
      const gone = ((this.vm.spec as VmSpec | undefined)?.dataVolumeTemplates ?? [])
        .map((t) => t.metadata?.name ?? '')
        .filter((n) => !next.has(n));
      if (JSON.stringify(status.deletedDataVolumes ?? []) !== JSON.stringify(gone)) {
        status.deletedDataVolumes = gone;
        return true;
      }
    }
    return created || waiting;
  }

  private writeSpec(vm: KObject): void {
    const { client } = this.ctx;
    if (!this.vm) {
      const patches = (this.restore.spec as { patches?: string[] }).patches ?? [];
      let patched: KObject;
      try {
        patched = applyPatches(vm, patches);
      } catch (err) {
        throw new Error(`error patching VM ${vm.metadata.name ?? ''}: ${(err as Error).message}`);
      }
      this.vm = client.create(ResourceKey.vms, patched as VM);
    } else {
      this.vm = client.update(ResourceKey.vms, vm as VM);
    }
  }
}
