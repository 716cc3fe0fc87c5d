/**
 * Which lifecycle actions a VM allows right now, and why not: the actions as data. Pure: the state
 * comes from the VM and its VMI, the permissions from access reviews (the features' use-vm-access).
 */
import { isBeingDeleted } from '../k8s/meta';
import {
  ACTION_LABELS,
  actionStates,
  firstReason,
  fullAccess,
  instanceActionReason,
  permissionReason,
  type AccessVerdict,
  type ActionAccess,
  type ActionState,
} from './action-rules';

import type { PrintableStatus } from './printable-status';
import { vmRunStrategy } from './run-strategy';
import { vmPrintableStatus, type VM } from './vm-selectors';
import { vmiIsFinal, vmiPhase, type VMI } from './vmi-selectors';

export const VM_ACTION_IDS = [
  'start',
  'stop',
  'restart',
  'pause',
  'unpause',
  'migrate',
  'snapshot',
  'clone',
  'delete',
] as const;
export type VmActionId = (typeof VM_ACTION_IDS)[number];

export const VM_ACTION_LABELS: Record<VmActionId, string> = ACTION_LABELS;

/** What the table shows at once after a successful request, before the watch catches up. */
export const OPTIMISTIC_STATUS: Partial<Record<VmActionId, PrintableStatus>> = {
  start: 'Starting',
  stop: 'Stopping',
  restart: 'Stopping',
  migrate: 'Migrating',
  delete: 'Terminating',
};

/** An access review's answer for one action (shared with the VMI actions). */
export type { AccessVerdict };

export type VmAccess = ActionAccess<VmActionId>;

/** Access for tests and for callers that have already checked: everything allowed. */
export const FULL_ACCESS: VmAccess = fullAccess(VM_ACTION_IDS);

const notRunning = 'The virtual machine is not running';

/** Why the VM's state forbids an action (KubeVirt would answer 409), or undefined when it allows it. */
export function stateReason(id: VmActionId, vm: VM, vmi: VMI | undefined): string | undefined {
  if (isBeingDeleted(vm)) {
    return id === 'delete' ? 'The virtual machine is already being deleted' : 'The virtual machine is being deleted';
  }
  const status = vmPrintableStatus(vm);
  const strategy = vmRunStrategy(vm);
  const live = vmi !== undefined && !vmiIsFinal(vmi) && !isBeingDeleted(vmi);
  const running = live && vmiPhase(vmi) === 'Running';
  switch (id) {
    case 'start':
      if (status === 'Stopping' || (vmi && isBeingDeleted(vmi))) return 'The virtual machine is stopping';
      if (live) return 'The virtual machine is already running';
      if (strategy === 'Always') return 'Run strategy Always starts the virtual machine by itself';
      if (pendingRequest(vm, 'Start')) return 'A start request is already under way';
      return undefined;
    case 'stop':
      if (status === 'Stopping' || (vmi && isBeingDeleted(vmi))) return 'The virtual machine is already stopping';
      if (!live && strategy !== 'Always') return notRunning;
      if (pendingRequest(vm, 'Stop')) return 'A stop request is already under way';
      return undefined;
    case 'restart':
      if (status === 'Stopping') return 'The virtual machine is stopping';
      if (!live || strategy === 'Halted') return notRunning;
      if (status === 'Migrating') return 'The virtual machine is migrating';
      return undefined;
    case 'pause':
    case 'unpause':
    case 'migrate':
      return instanceActionReason(id, vmi, {
        noun: 'virtual machine',
        running,
        unpausable: live,
        migrating: status === 'Migrating',
      });
    case 'snapshot':
      // KubeVirt takes one snapshot of a VM at a time (status.snapshotInProgress locks the source).
      if (vm.status?.snapshotInProgress) return `The snapshot ${vm.status.snapshotInProgress} is in progress`;
      if (vm.status?.restoreInProgress) return `The restore ${vm.status.restoreInProgress} is in progress`;
      return undefined;
    case 'clone':
      if (vm.status?.restoreInProgress) return `The restore ${vm.status.restoreInProgress} is in progress`;
      return undefined;
    case 'delete':
      return undefined;
  }
}

function pendingRequest(vm: VM, action: 'Start' | 'Stop'): boolean {
  return (vm.status?.stateChangeRequests ?? []).some((r) => r.action === action);
}

const ACCESS_WHAT: Partial<Record<VmActionId, string>> = {
  snapshot: 'create virtual machine snapshots',
  clone: 'create virtual machine clones',
};

/** Why the user's permissions forbid an action, or undefined when they allow it. */
export const accessReason = (id: VmActionId, verdict: AccessVerdict | undefined): string | undefined =>
  permissionReason(verdict, ACCESS_WHAT[id] ?? `${VM_ACTION_LABELS[id].toLowerCase()} virtual machines`);

/** The first reason an action is unavailable (see firstReason: permissions, then state). */
export const disabledReason = (id: VmActionId, vm: VM, vmi: VMI | undefined, access: VmAccess): string | undefined =>
  firstReason(
    access[id],
    () => stateReason(id, vm, vmi),
    () => accessReason(id, access[id]),
  );

export interface VmActionState extends ActionState<VmActionId> {
  /** The status to show at once while the request is in flight. */
  optimisticStatus?: PrintableStatus;
}

/**
 * Every lifecycle action of a VM, in menu order, each enabled or disabled with its reason.
 * `vmi` is the VM's instance (same namespace and name) when there is one.
 */
export const vmActionStates = (vm: VM, vmi: VMI | undefined, access: VmAccess): VmActionState[] =>
  actionStates(VM_ACTION_IDS, (id) => disabledReason(id, vm, vmi, access)).map((state) => ({
    ...state,
    optimisticStatus: OPTIMISTIC_STATUS[state.id],
  }));
