/**
 * The VM controller's run-strategy state machine (vm.go syncRunStrategy), the state change
 * request queue and the start-failure (CrashLoopBackOff) bookkeeping, as pure functions.
 */
import { isFinal, runStrategyOf, vmiPhase } from './conditions.js';
import { hasStopRequestForVmi } from './printable-status.js';
import type { VM, VMI } from './types.js';

export type RunAction =
  | { kind: 'none' }
  | { kind: 'start' }
  /** Delete the VMI. `requestStart` appends a Start request (RerunOnFailure after a failure). */
  | { kind: 'stop'; requestStart?: boolean }
  /** Halted VM with a Start request and no VMI: switch the spec to Always (or running: true). */
  | { kind: 'switch-to-always' }
  /** Start failures back off: retry after `ms` real milliseconds. */
  | { kind: 'backoff'; ms: number };

export interface StateChangeRequest {
  action: 'Start' | 'Stop' | string;
  uid?: string;
  data?: Record<string, string>;
}

function requests(vm: VM): StateChangeRequest[] {
  return vm.status?.stateChangeRequests ?? [];
}

export function hasStartRequest(vm: VM): boolean {
  return requests(vm)[0]?.action === 'Start';
}

/** Real milliseconds until a start is allowed again after start failures. */
export function backoffLeftMs(vm: VM, nowMs: number): number {
  const retryAfter = vm.status?.startFailure?.retryAfterTimestamp;
  if (!retryAfter) return 0;
  return Math.max(0, Date.parse(retryAfter) - nowMs);
}

export function decideRunAction(vm: VM, vmi: VMI | undefined, nowMs: number): RunAction {
  const rs = runStrategyOf(vm);
  const deleting = !!vmi?.metadata.deletionTimestamp;
  const backoff = (): RunAction | undefined => {
    const left = backoffLeftMs(vm, nowMs);
    return left > 0 ? { kind: 'backoff', ms: left } : undefined;
  };
  switch (rs) {
    case 'Always':
      if (vmi)
        return !deleting && (hasStopRequestForVmi(vm, vmi) || isFinal(vmi)) ? { kind: 'stop' } : { kind: 'none' };
      return backoff() ?? { kind: 'start' };
    case 'RerunOnFailure':
      if (vmi) {
        const failed = vmiPhase(vmi) === 'Failed';
        if (!deleting && (hasStopRequestForVmi(vm, vmi) || failed || vmiPhase(vmi) === 'Succeeded')) {
          return { kind: 'stop', requestStart: failed };
        }
        return { kind: 'none' };
      }
      if (!hasStartRequest(vm) && vm.status?.runStrategy === rs) return { kind: 'none' };
      return backoff() ?? { kind: 'start' };
    case 'Manual':
      if (vmi) return !deleting && hasStopRequestForVmi(vm, vmi) ? { kind: 'stop' } : { kind: 'none' };
      return hasStartRequest(vm) ? { kind: 'start' } : { kind: 'none' };
    case 'Halted':
      if (!vmi) return hasStartRequest(vm) ? { kind: 'switch-to-always' } : { kind: 'none' };
      return deleting ? { kind: 'none' } : { kind: 'stop' };
    case 'Once':
      return vmi ? { kind: 'none' } : { kind: 'start' };
  }
}

/** isTrimFirstChangeRequestNeeded: drops the first request once it has been acted upon. */
export function trimStateChangeRequests(vm: VM, vmi: VMI | undefined): StateChangeRequest[] {
  const list = requests(vm);
  const first = list[0];
  if (!first) return list;
  if (first.action === 'Stop') {
    if (!vmi || !first.uid || first.uid !== vmi.metadata.uid) return list.slice(1);
  } else if (first.action === 'Start') {
    if (vmi && !vmi.metadata.deletionTimestamp && !isFinal(vmi)) return list.slice(1);
  }
  return list;
}

export interface StartFailure {
  consecutiveFailCount: number;
  lastFailedVMIUID: string;
  retryAfterTimestamp: string;
}

function wasRunning(vmi: VMI | undefined): boolean {
  return (vmi?.status?.phaseTransitionTimestamps ?? []).some((t) => t.phase === 'Running');
}

/** calculateStartBackoffTime: 10 s × failCount², plus up to half again at random, max 300 s. */
export function startBackoffSeconds(failCount: number, random: () => number = Math.random, maxDelay = 300): number {
  const interval = Math.max(10, Math.floor(maxDelay / 30));
  let delay = interval * Math.max(1, failCount) ** 2;
  delay += Math.floor(random() * (Math.floor(delay / 2) + 1));
  return Math.min(delay, maxDelay);
}

/**
 * syncStartFailureStatus: returns the new startFailure (undefined clears it). The back-off is
 * in cluster seconds, divided by `speed`; the timestamp is rounded up to whole seconds.
 */
export function nextStartFailure(
  vm: VM,
  vmi: VMI | undefined,
  nowMs: number,
  speed = 1,
  random: () => number = Math.random,
): StartFailure | undefined {
  const current = vm.status?.startFailure as StartFailure | undefined;
  const rs = runStrategyOf(vm);
  if (wasRunning(vmi) || (rs !== 'Always' && rs !== 'RerunOnFailure' && rs !== 'Once')) return undefined;
  if (vmi && isFinal(vmi) && !wasRunning(vmi)) {
    if (current && current.lastFailedVMIUID === vmi.metadata.uid) return current;
    const count = (current?.consecutiveFailCount ?? 0) + 1;
    const delay = startBackoffSeconds(count, random);
    return {
      consecutiveFailCount: count,
      lastFailedVMIUID: vmi.metadata.uid ?? '',
      retryAfterTimestamp: new Date(Math.ceil((nowMs + (delay * 1000) / speed) / 1000) * 1000)
        .toISOString()
        .replace('.000Z', 'Z'),
    };
  }
  return current;
}
