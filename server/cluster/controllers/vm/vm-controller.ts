/**
 * virt-controller's VirtualMachine controller: run strategies and state change requests,
 * DataVolumes from dataVolumeTemplates, VMI creation and deletion, finalizers, status.
 */
import { ResourceKey, isNotFound, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import { isFinal } from '../../kubevirt/conditions.js';
import { nowIso, type ControllerContext } from '../context.js';
import { decideRunAction, type StateChangeRequest } from '../../kubevirt/run-strategy.js';
import type { DataVolume, PVC, VM, VMI } from '../../kubevirt/types.js';
import type { SyncError } from '../../kubevirt/vm-conditions.js';
import { liveUpdatePlan } from './restart-required.js';
import { applyLivePlan, pendingVolumeRequests, setupHotplugHeadroom, syncVolumeRequests } from './hotplug.js';
import { computeVmStatus, statusChanged } from './vm-status.js';
import { snapshotClassFor, VOLUME_SNAPSHOT_CLASSES } from '../snapshot/csi-classes.js';
import { VM_FINALIZER, vmiFromVm } from '../../kubevirt/vmi-from-vm.js';
import { storeRevisions } from '../../kubevirt/instancetype-revisions.js';

const COMPONENT = 'virtualmachine-controller';
const DV_READY = new Set(['Succeeded', 'WaitForFirstConsumer', 'PendingPopulation']);

export function ownerVmKey(obj: KObject): string | undefined {
  const ref = (obj.metadata.ownerReferences ?? []).find((o) => o.controller && o.kind === 'VirtualMachine');
  return ref ? `${obj.metadata.namespace}/${ref.name}` : undefined;
}

function controlledBy(obj: KObject, owner: KObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === owner.metadata.uid);
}

export class VmController {
  constructor(private readonly ctx: ControllerContext) {}

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.vms.on({ onChange: (o) => queues.vm.add(keyOf(o)) });
    informers.vmis.on({
      onChange: (o) => {
        const k = ownerVmKey(o);
        if (k) queues.vm.add(k);
      },
    });
    const byVolume = (o: KObject) => {
      for (const vm of informers.vms.byIndex('volume', keyOf(o))) queues.vm.add(keyOf(vm));
      const k = ownerVmKey(o);
      if (k) queues.vm.add(k);
    };
    informers.dataVolumes.on({ onChange: byVolume });
    informers.pvcs.on({ onChange: byVolume });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const vm = client.tryGet(ResourceKey.vms, ns, name);
    if (!vm) return;
    // the instance type's and preference's ControllerRevisions first; the status write requeues the VM
    if (!vm.metadata.deletionTimestamp && storeRevisions(client, vm)) return;
    let vmi = client.tryGet(ResourceKey.vmis, ns, name);
    if (vmi && !controlledBy(vmi, vm)) vmi = undefined;
    let syncError: SyncError | undefined;
    const append: StateChangeRequest[] = [];

    if (vm.metadata.deletionTimestamp) {
      if (vmi && !vmi.metadata.deletionTimestamp) this.stopVmi(vm, vmi);
    } else {
      if (!(vm.metadata.finalizers ?? []).includes(VM_FINALIZER)) {
        client.mutate(ResourceKey.vms, ns, name, (o) => {
          o.metadata.finalizers = [...(o.metadata.finalizers ?? []), VM_FINALIZER];
        });
        return;
      }
      const dvsReady = this.syncDataVolumes(vm);
      const action = decideRunAction(vm, vmi, this.ctx.clock.now());
      switch (action.kind) {
        case 'start':
          // not while a restore rewrites the VM, nor while an offline snapshot holds it (vm.go startVMI)
          if (!dvsReady || vm.status?.restoreInProgress || vm.status?.snapshotInProgress) break;
          try {
            vmi = this.startVmi(vm);
          } catch (err) {
            const message = `Failure while starting VMI: ${(err as Error).message}`;
            syncError = { reason: 'FailedCreate', message };
            this.ctx.record(
              vm,
              'Warning',
              'FailedCreate',
              `Error creating virtual machine instance: ${(err as Error).message}`,
              COMPONENT,
            );
          }
          break;
        case 'stop':
          if (vmi) this.stopVmi(vm, vmi);
          if (action.requestStart) append.push({ action: 'Start' });
          vmi = client.tryGet(ResourceKey.vmis, ns, name);
          break;
        case 'switch-to-always':
          client.mutate(ResourceKey.vms, ns, name, (o) => {
            const spec = o.spec as { runStrategy?: string; running?: boolean };
            if (spec.running !== undefined && !spec.runStrategy) spec.running = true;
            else spec.runStrategy = 'Always';
          });
          return;
        case 'backoff':
          this.ctx.queues.vm.addAfterMs(key, action.ms + 50);
          break;
        case 'none':
          break;
      }
      // hot-plug: volume requests to the template and the running VMI; live CPU and memory changes
      if (syncVolumeRequests(client, vm, vmi)) return;
    }
    const plan = vmi && !vm.metadata.deletionTimestamp ? liveUpdatePlan(client, vm, vmi) : {};
    if (vmi && (plan.sockets !== undefined || plan.memory !== undefined)) applyLivePlan(client, vmi, plan);
    this.updateStatus(vm, vmi, syncError, append, plan.restartRequired);
    // Like the real workqueue, a failed sync is retried (a missing instancetype may appear).
    if (syncError) this.ctx.queues.vm.addAfter(key, 2);
    if (vm.metadata.deletionTimestamp && !vmi) {
      client.mutate(ResourceKey.vms, ns, name, (o) => {
        const f = o.metadata.finalizers ?? [];
        if (!f.includes(VM_FINALIZER)) return false;
        o.metadata.finalizers = f.filter((x) => x !== VM_FINALIZER);
      });
    }
    if (vmi && isFinal(vmi) && (vmi.metadata.finalizers ?? []).includes(VM_FINALIZER)) {
      try {
        client.mutate(ResourceKey.vmis, ns, name, (o) => {
          if (o.metadata.uid !== vmi?.metadata.uid) return false;
          o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((x) => x !== VM_FINALIZER);
        });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  private startVmi(vm: VM): VMI {
    const obj = vmiFromVm(this.ctx.client, vm);
    setupHotplugHeadroom(this.ctx.client, obj);
    const created = this.ctx.client.create(ResourceKey.vmis, obj, { fieldManager: COMPONENT });
    this.ctx.record(
      vm,
      'Normal',
      'SuccessfulCreate',
      `Started the virtual machine by creating the new virtual machine instance ${created.metadata.name}`,
      COMPONENT,
    );
    return created;
  }

  private stopVmi(vm: VM, vmi: VMI): void {
    if (vmi.metadata.deletionTimestamp) return;
    try {
      this.ctx.client.delete(ResourceKey.vmis, vmi.metadata.namespace, vmi.metadata.name ?? '', {
        preconditions: { uid: vmi.metadata.uid },
      });
    } catch (err) {
      if (isNotFound(err)) return;
      this.ctx.record(
        vm,
        'Warning',
        'FailedDelete',
        `Error deleting virtual machine instance ${vmi.metadata.name}: ${(err as Error).message}`,
        COMPONENT,
      );
      throw err;
    }
    this.ctx.record(
      vm,
      'Normal',
      'SuccessfulDelete',
      `Stopped the virtual machine by deleting the virtual machine instance ${vmi.metadata.uid}`,
      COMPONENT,
    );
  }

  /** Creates missing DataVolumes from dataVolumeTemplates; true when all are ready. */
  private syncDataVolumes(vm: VM): boolean {
    const { client } = this.ctx;
    let ready = true;
    for (const tpl of vm.spec?.dataVolumeTemplates ?? []) {
      const name = tpl.metadata?.name ?? '';
      let dv = client.tryGet(ResourceKey.dataVolumes, vm.metadata.namespace, name);
      if (!dv) {
        const meta = (tpl.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
        dv = client.create(
          ResourceKey.dataVolumes,
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            metadata: {
              name,
              namespace: vm.metadata.namespace,
              labels: { ...(meta.labels ?? {}), 'kubevirt.io/created-by': vm.metadata.uid ?? '' },
              ...(meta.annotations ? { annotations: meta.annotations } : {}),
              ownerReferences: [
                {
                  apiVersion: 'kubevirt.io/v1',
                  kind: 'VirtualMachine',
                  name: vm.metadata.name ?? '',
                  uid: vm.metadata.uid ?? '',
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            },
            spec: structuredClone(tpl.spec) as unknown as Record<string, unknown>,
          },
          { fieldManager: COMPONENT },
        );
        this.ctx.record(vm, 'Normal', 'SuccessfulDataVolumeCreate', `Created DataVolume ${name}`, COMPONENT);
      }
      if (!DV_READY.has(dv.status?.phase ?? '')) ready = false;
    }
    return ready;
  }

  private updateStatus(
    vm: VM,
    vmi: VMI | undefined,
    syncError: SyncError | undefined,
    append: StateChangeRequest[],
    restartRequired: string | undefined,
  ): void {
    const { client, informers } = this.ctx;
    const ns = vm.metadata.namespace;
    const claims = (vm.spec?.template?.spec?.volumes ?? []).flatMap((v) => {
      const n = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
      return n ? [n] : [];
    });
    const dataVolumes = new Map<string, DataVolume>();
    const pvcs = new Map<string, PVC>();
    for (const c of claims) {
      const dv = client.tryGet(ResourceKey.dataVolumes, ns, c);
      if (dv) dataVolumes.set(c, dv);
      const pvc = client.tryGet(ResourceKey.pvcs, ns, c);
      if (pvc) pvcs.set(c, pvc);
    }
    void informers;
    const status = computeVmStatus({
      vm,
      vmi,
      dataVolumes,
      pvcs,
      syncError,
      appendRequests: append,
      restartRequired,
      snapshotClassOf: (sc) =>
        snapshotClassFor(
          client.list(VOLUME_SNAPSHOT_CLASSES).items,
          client.tryGet(ResourceKey.storageClasses, undefined, sc),
        ),
      nowMs: this.ctx.clock.now(),
      nowIso: nowIso(this.ctx),
      speed: this.ctx.clock.speed,
    });
    if (!statusChanged(vm, status)) return;
    client.mutate(
      ResourceKey.vms,
      ns,
      vm.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== vm.metadata.uid) return false;
        // Requests added by the subresources since we read the VM are kept.
        const current = o.status?.stateChangeRequests ?? [];
        const before = vm.status?.stateChangeRequests ?? [];
        const added = current.slice(before.length);
        const next = { ...status } as Record<string, unknown>;
        // the snapshot and restore controllers' locks: theirs, as they are now
        for (const k of ['snapshotInProgress', 'restoreInProgress'] as const) {
          if (o.status?.[k] !== undefined) next[k] = o.status[k];
          else delete next[k];
        }
        // volume requests virt-api added meanwhile are kept; the done ones go (trimDoneVolumeRequests)
        next.volumeRequests = pendingVolumeRequests(o as VM);
        if (!next.volumeRequests) delete next.volumeRequests;
        if (added.length)
          next.stateChangeRequests = [...((status.stateChangeRequests as StateChangeRequest[]) ?? []), ...added];
        o.status = next;
      },
      { subresource: 'status', fieldManager: COMPONENT },
    );
  }
}
