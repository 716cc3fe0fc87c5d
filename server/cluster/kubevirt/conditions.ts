import type { Condition, RunStrategy, VM, VMI } from './types.js';

interface WithConditions {
  status?: { conditions?: Condition[] } | object;
}

export function conditionsOf(obj: WithConditions | undefined | null): Condition[] {
  const status = obj?.status as { conditions?: Condition[] } | undefined;
  return status?.conditions ?? [];
}

export function getCondition(obj: WithConditions | undefined | null, type: string): Condition | undefined {
  return conditionsOf(obj).find((c) => c.type === type);
}

export function hasCondition(
  obj: WithConditions | undefined | null,
  type: string,
  status: string,
  reason?: string,
): boolean {
  const c = getCondition(obj, type);
  return !!c && c.status === status && (reason === undefined || c.reason === reason);
}

/**
 * Sets (adds or replaces) a condition in a list, keeping lastTransitionTime when the status
 * does not change, like KubeVirt's condition managers. Returns a new array.
 */
export function upsertCondition(list: Condition[] | undefined, cond: Condition, now: string): Condition[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((c) => c.type === cond.type);
  const prev = i >= 0 ? out[i] : undefined;
  const keep = prev && prev.status === cond.status;
  const next: Condition = {
    ...stripUndefined(cond),
    lastProbeTime: cond.lastProbeTime ?? null,
    lastTransitionTime: keep ? (prev.lastTransitionTime ?? now) : (cond.lastTransitionTime ?? now),
  };
  if (i >= 0) out[i] = next;
  else out.push(next);
  return out;
}

export function removeCondition(list: Condition[] | undefined, type: string): Condition[] {
  return (list ?? []).filter((c) => c.type !== type);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function vmiPhase(vmi: VMI | undefined | null): string {
  return vmi?.status?.phase ?? '';
}

export function isFinal(vmi: VMI | undefined | null): boolean {
  const p = vmiPhase(vmi);
  return p === 'Succeeded' || p === 'Failed';
}

export function isMarkedForDeletion(obj: { metadata: { deletionTimestamp?: string } } | undefined | null): boolean {
  return !!obj?.metadata.deletionTimestamp;
}

export function isMigrating(vmi: VMI | undefined | null): boolean {
  const m = vmi?.status?.migrationState;
  return !!m && !!m.startTimestamp && !m.endTimestamp && !m.completed && !m.failed;
}

export function isPausedVmi(vmi: VMI | undefined | null): boolean {
  return hasCondition(vmi, 'Paused', 'True');
}

/** vm.RunStrategy(): runStrategy, else running true/false, else Halted. */
export function runStrategyOf(vm: VM): RunStrategy {
  const rs = vm.spec?.runStrategy as RunStrategy | undefined;
  if (rs) return rs;
  if (vm.spec?.running === true) return 'Always';
  return 'Halted';
}
