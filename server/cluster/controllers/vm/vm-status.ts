/** The VM controller's status computation (vm.go updateStatus), pure apart from reading caches. */
import { isDeepStrictEqual } from 'node:util';
import { hasCondition, isFinal, removeCondition, runStrategyOf } from '../../kubevirt/conditions.js';
import { printableStatus } from '../../kubevirt/printable-status.js';
import { nextStartFailure, trimStateChangeRequests, type StateChangeRequest } from '../../kubevirt/run-strategy.js';
import type { Condition, DataVolume, PVC, VM, VMI } from '../../kubevirt/types.js';
import { setRestartRequired, syncVmConditions, type SyncError } from '../../kubevirt/vm-conditions.js';
import { pendingVolumeRequests } from './hotplug.js';

export interface VmStatusInput {
  vm: VM;
  vmi: VMI | undefined;
  dataVolumes: ReadonlyMap<string, DataVolume>;
  pvcs: ReadonlyMap<string, PVC>;
  syncError?: SyncError;
  startExpected?: boolean;
  /** Requests to append (RerunOnFailure queues a Start after a failure). */
  appendRequests?: StateChangeRequest[];
  /** RestartRequired's message when the VM needs a restart (vm.go syncRestartRequired and the hot-plug checks). */
  restartRequired?: string;
  /** The VolumeSnapshotClass of a storage class (controllers/snapshot/csi-classes.ts). */
  snapshotClassOf?: (storageClass: string) => { name: string; error?: string };
  nowMs: number;
  nowIso: string;
  speed: number;
}

/**
 * status.volumeSnapshotStatuses, as KubeVirt's snapshot controller reports them
 * (pkg/storage/snapshot/snapshot.go getVolumeSnapshotStatus): a PVC or DataVolume volume is
 * enabled when its storage class has a VolumeSnapshotClass.
 */
function volumeSnapshotStatuses(
  vm: VM,
  pvcs: ReadonlyMap<string, PVC>,
  snapshotClassOf: VmStatusInput['snapshotClassOf'],
): Array<Record<string, unknown>> {
  return (vm.spec?.template?.spec?.volumes ?? []).map((v) => {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    if (!claim)
      return {
        name: v.name,
        enabled: false,
        reason: `Snapshot is not supported for this volumeSource type [${v.name}]`,
      };
    const pvc = pvcs.get(claim);
    if (!pvc && v.persistentVolumeClaim) return { name: v.name, enabled: false, reason: 'PVC not found' };
    const sc = pvc?.spec?.storageClassName ?? '';
    const answer = snapshotClassOf ? snapshotClassOf(sc) : { name: '' };
    if (answer.error) return { name: v.name, enabled: false, reason: answer.error };
    if (answer.name) return { name: v.name, enabled: true };
    return {
      name: v.name,
      enabled: false,
      reason: `No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [${sc}] [${v.name}]`,
    };
  });
}

export function computeVmStatus(input: VmStatusInput): Record<string, unknown> {
  const { vm, vmi } = input;
  const old = (vm.status ?? {}) as Record<string, unknown>;
  const status: Record<string, unknown> = { ...old };
  const requests = [...trimStateChangeRequests(vm, vmi), ...(input.appendRequests ?? [])];
  const withRequests = { ...vm, status: { ...vm.status, stateChangeRequests: requests } } as VM;
  const startFailure = nextStartFailure(withRequests, vmi, input.nowMs, input.speed);

  let conditions: Condition[] = syncVmConditions(vm, vmi, input.syncError, input.nowIso);
  if (input.restartRequired && vmi && !isFinal(vmi))
    conditions = setRestartRequired(conditions, input.nowIso, input.restartRequired);
  else conditions = removeCondition(conditions, 'RestartRequired');

  const created = !!vmi;
  status.created = created || undefined;
  status.ready = (created && hasCondition(vmi, 'Ready', 'True')) || undefined;
  status.conditions = conditions;
  status.stateChangeRequests = requests.length ? requests : undefined;
  status.startFailure = startFailure;
  status.volumeRequests = pendingVolumeRequests(vm);
  status.runStrategy = runStrategyOf(vm);
  status.observedGeneration = vm.metadata.generation;
  status.desiredGeneration = vm.metadata.generation;
  status.volumeSnapshotStatuses = volumeSnapshotStatuses(vm, input.pvcs, input.snapshotClassOf);
  const statusVm = { ...vm, status: { ...vm.status, startFailure } } as VM;
  status.printableStatus = printableStatus(statusVm, vmi, {
    dataVolumes: input.dataVolumes,
    pvcs: input.pvcs,
    startExpected: input.startExpected,
  });
  for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
  return status;
}

export function statusChanged(vm: VM, status: Record<string, unknown>): boolean {
  return !isDeepStrictEqual(vm.status ?? {}, status);
}
