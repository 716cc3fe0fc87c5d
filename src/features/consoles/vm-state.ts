/**
 * What a console shows about a VM that is not running: whether it is starting (and why it does
 * not get there: unschedulable, image pull, ...) or stopped, and whether "Start" can work. Pure:
 * the VM and its VMI come from their watches.
 */
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { isPrintableStatus, printableStatusFacts } from '../../kubevirt/printable-status';

type VM = V1VirtualMachine;
type VMI = V1VirtualMachineInstance;

const FINAL_PHASES: readonly string[] = ['Succeeded', 'Failed'];

/** The VMI exists, is not being deleted and has not finished: the VM is started (running or on its way). */
export const vmiIsLive = (vmi: VMI | undefined): boolean =>
  Boolean(vmi && !vmi.metadata?.deletionTimestamp && !FINAL_PHASES.includes(vmi.status?.phase ?? ''));

/** spec.runStrategy, else the deprecated spec.running (true: Always, otherwise Halted). */
const runStrategyOf = (vm: VM): string => vm.spec?.runStrategy ?? (vm.spec?.running ? 'Always' : 'Halted');

/**
 * Whether KubeVirt would accept a start request now (else it answers 409): no VMI under way or
 * stopping, a run strategy that takes start requests (not Always or Once), none already queued.
 */
export function canStartVm(vm: VM | undefined, vmi: VMI | undefined): boolean {
  if (!vm || vm.metadata?.deletionTimestamp) return false;
  if (vmiIsLive(vmi) || vmi?.metadata?.deletionTimestamp) return false;
  const strategy = runStrategyOf(vm);
  if (strategy === 'Always' || strategy === 'Once') return false;
  return !(vm.status?.stateChangeRequests ?? []).some((r) => r.action === 'Start');
}

/** The status line of a console that waits for the VM: says when it is already started or stopping. */
export function waitingText(vmi: VMI | undefined): string | undefined {
  if (vmi?.metadata?.deletionTimestamp) return 'The virtual machine is stopping.';
  if (!vmiIsLive(vmi) || vmi?.status?.phase === 'Running') return undefined;
  const phase = vmi?.status?.phase;
  return `The virtual machine is starting${phase ? ` (phase ${phase})` : ''}; the console connects when it runs.`;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

// Why an object is stuck, first things first; Ready's messages ("VMI is missing the Ready condition") say nothing.
const ORDER = ['Failure', 'PodScheduled', 'DataVolumesReady', 'Synchronized'];

function conditionReason(conditions: readonly Condition[] | undefined): string | undefined {
  const telling = (conditions ?? []).filter(
    (c) =>
      ORDER.includes(c.type) &&
      (c.type === 'Failure' ? c.status === 'True' : c.status === 'False') &&
      (c.message || c.reason),
  );
  telling.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  const first = telling[0];
  return first && (first.message || first.reason);
}

export interface VmStateDetail {
  /** e.g. "ErrorUnschedulable: The virtual machine could not be scheduled on any node." */
  title: string;
  /** Why, from the VM's or the VMI's conditions: the scheduler's message, the image pull error... */
  reason?: string;
  severity: 'danger' | 'warning' | 'info';
}

/**
 * Why the VM is not running, when there is more to say than "stopped": its printableStatus and
 * the condition that explains it (for a bare VMI, its own conditions).
 */
export function vmStateDetail(vm: VM | undefined, vmi: VMI | undefined): VmStateDetail | undefined {
  const reason =
    conditionReason(vm?.status?.conditions as Condition[] | undefined) ??
    conditionReason(vmi?.status?.conditions as Condition[] | undefined) ??
    (vm?.status?.startFailure?.consecutiveFailCount
      ? `It failed to start ${vm.status.startFailure.consecutiveFailCount} times in a row.`
      : undefined);
  const status = vm?.status?.printableStatus;
  if (status && isPrintableStatus(status)) {
    if (status === 'Stopped' || status === 'Running') return undefined;
    const info = printableStatusFacts(status);
    const severity = info.severity === 'danger' ? 'danger' : info.severity === 'warning' ? 'warning' : 'info';
    return { title: `${info.label}: ${info.description}`, reason, severity };
  }
  return reason ? { title: 'The virtual machine is not running.', reason, severity: 'warning' } : undefined;
}
