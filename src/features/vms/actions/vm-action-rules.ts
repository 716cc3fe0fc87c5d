/**
 * Which lifecycle actions a VM allows right now, and why not. Pure: the state comes from the VM
 * and its VMI, the permissions from access reviews (see use-vm-access.ts).
 */
import type { AccessVerdict } from '../../../k8s/access-review';
import type { PrintableStatus } from '../status/printable-status';
import {
  isBeingDeleted,
  vmPrintableStatus,
  vmRunStrategy,
  vmiIsFinal,
  vmiIsMigrating,
  vmiIsPaused,
  vmiMigratable,
  vmiPhase,
  type VM,
  type VMI,
} from '../selectors';

export const VM_ACTION_IDS = ['start', 'stop', 'restart', 'pause', 'unpause', 'migrate', 'delete'] as const;
export type VmActionId = (typeof VM_ACTION_IDS)[number];

export const VM_ACTION_LABELS: Record<VmActionId, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  unpause: 'Unpause',
  migrate: 'Migrate',
  delete: 'Delete',
};

/** What the table shows at once after a successful request, before the watch catches up. */
export const OPTIMISTIC_STATUS: Partial<Record<VmActionId, PrintableStatus>> = {
  start: 'Starting',
  stop: 'Stopping',
  restart: 'Stopping',
  migrate: 'Migrating',
  delete: 'Terminating',
};

/** An access review's answer for one action (shared with the VMI actions: src/k8s/access-review). */
export type { AccessVerdict };

export type VmAccess = Record<VmActionId, AccessVerdict>;

/** Access for tests and for callers that have already checked: everything allowed. */
export const FULL_ACCESS: VmAccess = Object.fromEntries(VM_ACTION_IDS.map((id) => [id, { allowed: true }])) as VmAccess;

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
      if (!running) return 'Only a running virtual machine can be paused';
      if (vmiIsPaused(vmi)) return 'The virtual machine is already paused';
      if (status === 'Migrating' || vmiIsMigrating(vmi)) return 'The virtual machine is migrating';
      return undefined;
    case 'unpause':
      if (!live || !vmiIsPaused(vmi)) return 'The virtual machine is not paused';
      return undefined;
    case 'migrate': {
      if (!running) return 'Only a running virtual machine can be migrated';
      if (status === 'Migrating' || vmiIsMigrating(vmi)) return 'The virtual machine is already migrating';
      const m = vmiMigratable(vmi);
      return m.migratable ? undefined : m.reason;
    }
    case 'delete':
      return undefined;
  }
}

function pendingRequest(vm: VM, action: 'Start' | 'Stop'): boolean {
  return (vm.status?.stateChangeRequests ?? []).some((r) => r.action === action);
}

/** Why the user's permissions forbid an action, or undefined when they allow it. */
export function accessReason(id: VmActionId, verdict: AccessVerdict | undefined): string | undefined {
  if (!verdict || verdict.loading) return 'Checking your permissions…';
  if (verdict.allowed) return undefined;
  const what = id === 'delete' ? 'delete virtual machines' : `${VM_ACTION_LABELS[id].toLowerCase()} virtual machines`;
  return `You are not allowed to ${what} in this namespace${verdict.reason ? ` (${verdict.reason})` : ''}`;
}

/**
 * The first reason an action is unavailable: permissions first (they do not change), then state.
 * While the permissions are still being checked, a reason the state already gives comes first: it
 * holds whatever the answer, and does not flicker to another reason when the answer comes.
 */
export function disabledReason(id: VmActionId, vm: VM, vmi: VMI | undefined, access: VmAccess): string | undefined {
  const verdict = access[id];
  if (!verdict || verdict.loading) return stateReason(id, vm, vmi) ?? accessReason(id, verdict);
  return accessReason(id, verdict) ?? stateReason(id, vm, vmi);
}
