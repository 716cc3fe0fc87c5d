/**
 * VM printableStatus, evaluated in KubeVirt's order (pkg/virt-controller/watch/vm/vm.go,
 * setPrintableStatus): first match wins.
 */
import {
  getCondition,
  hasCondition,
  isFinal,
  isMarkedForDeletion,
  isMigrating,
  isPausedVmi,
  runStrategyOf,
  vmiPhase,
} from './conditions.js';
import type { DataVolume, PrintableStatus, PVC, VM, VMI } from './types.js';

export interface PrintableStatusContext {
  /** DataVolumes of the VM's namespace, by name. */
  dataVolumes: ReadonlyMap<string, DataVolume>;
  /** PVCs of the VM's namespace, by name. */
  pvcs: ReadonlyMap<string, PVC>;
  /** The controller has just created a VMI that it does not see yet (KubeVirt's expectations). */
  startExpected?: boolean;
  /** The controller has just deleted the VMI (KubeVirt's expectations). */
  stopExpected?: boolean;
}

const DV_DONE_PHASES = new Set(['Succeeded', 'Failed', 'PendingPopulation', 'WaitForFirstConsumer', 'Paused']);

function dataVolumeNames(vm: VM): string[] {
  return (vm.spec?.template?.spec?.volumes ?? []).flatMap((v) => (v.dataVolume?.name ? [v.dataVolume.name] : []));
}

function claimNames(vm: VM): string[] {
  return (vm.spec?.template?.spec?.volumes ?? []).flatMap((v) => {
    if (v.persistentVolumeClaim?.claimName) return [v.persistentVolumeClaim.claimName];
    if (v.dataVolume?.name) return [v.dataVolume.name];
    return [];
  });
}

export function hasDataVolumeProvisioning(vm: VM, dvs: ReadonlyMap<string, DataVolume>): boolean {
  return dataVolumeNames(vm).some((name) => {
    const dv = dvs.get(name);
    return !!dv && !DV_DONE_PHASES.has(dv.status?.phase ?? '');
  });
}

export function hasDataVolumeErrors(vm: VM, dvs: ReadonlyMap<string, DataVolume>): boolean {
  return dataVolumeNames(vm).some((name) => {
    const dv = dvs.get(name);
    if (!dv) return false;
    if (dv.status?.phase === 'Failed') return true;
    const running = getCondition(dv, 'Running');
    return (
      !!running && running.status === 'False' && (running.reason === 'Error' || running.reason === 'ImagePullFailed')
    );
  });
}

function hasUnboundPvc(vm: VM, pvcs: ReadonlyMap<string, PVC>): boolean {
  return claimNames(vm).some((name) => {
    const pvc = pvcs.get(name);
    return !!pvc && pvc.status?.phase === 'Pending';
  });
}

function hasStartRequest(vm: VM): boolean {
  return (vm.status?.stateChangeRequests ?? [])[0]?.action === 'Start';
}

export function hasStopRequestForVmi(vm: VM, vmi: VMI | undefined): boolean {
  const first = (vm.status?.stateChangeRequests ?? [])[0];
  return !!vmi && first?.action === 'Stop' && first.uid === vmi.metadata.uid;
}

/** isSetToStart from vm.go. */
export function isSetToStart(vm: VM, vmi: VMI | undefined): boolean {
  switch (runStrategyOf(vm)) {
    case 'Always':
      return true;
    case 'Halted':
      return false;
    case 'Manual':
      return vmi ? !hasStopRequestForVmi(vm, vmi) : hasStartRequest(vm);
    case 'RerunOnFailure':
      return vmi ? vmiPhase(vmi) !== 'Succeeded' : true;
    case 'Once':
      return !vmi;
  }
}

function crashLoopBackOff(vm: VM, vmi: VMI | undefined, ctx: PrintableStatusContext): boolean {
  if ((vmi && !isFinal(vmi)) || ctx.startExpected) return false;
  const rs = runStrategyOf(vm);
  const count = vm.status?.startFailure?.consecutiveFailCount ?? 0;
  return count > 0 && (rs === 'Always' || rs === 'RerunOnFailure' || rs === 'Once');
}

export function printableStatus(vm: VM, vmi: VMI | undefined, ctx: PrintableStatusContext): PrintableStatus {
  const phase = vmiPhase(vmi);
  const synchronizedFalse = (reason: string) => hasCondition(vmi, 'Synchronized', 'False', reason);
  const checks: Array<[PrintableStatus, () => boolean]> = [
    ['Terminating', () => isMarkedForDeletion(vm)],
    ['Stopping', () => !!vmi && !isFinal(vmi) && (isMarkedForDeletion(vmi) || !!ctx.stopExpected)],
    ['Migrating', () => isMigrating(vmi)],
    ['Paused', () => phase === 'Running' && isPausedVmi(vmi)],
    ['Running', () => phase === 'Running' && !isPausedVmi(vmi)],
    ['ErrorPvcNotFound', () => synchronizedFalse('FailedPvcNotFound')],
    ['DataVolumeError', () => hasDataVolumeErrors(vm, ctx.dataVolumes)],
    ['ErrorUnschedulable', () => hasCondition(vmi, 'PodScheduled', 'False', 'Unschedulable')],
    ['Provisioning', () => hasDataVolumeProvisioning(vm, ctx.dataVolumes)],
    ['WaitingForVolumeBinding', () => isSetToStart(vm, vmi) && hasUnboundPvc(vm, ctx.pvcs)],
    ['ErrImagePull', () => synchronizedFalse('ErrImagePull')],
    ['ImagePullBackOff', () => synchronizedFalse('ImagePullBackOff')],
    [
      'Starting',
      () =>
        vmi
          ? phase === '' || phase === 'Pending' || phase === 'Scheduling' || phase === 'Scheduled'
          : !!ctx.startExpected,
    ],
    ['CrashLoopBackOff', () => crashLoopBackOff(vm, vmi, ctx)],
    ['Stopped', () => (vmi ? isFinal(vmi) : !ctx.startExpected)],
  ];
  for (const [status, test] of checks) if (test()) return status;
  return 'Unknown';
}
