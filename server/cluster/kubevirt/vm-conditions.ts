/**
 * VM conditions (vm.go syncConditions): Ready follows the VMI's Ready (False/VMINotExists
 * without a VMI), Failure reflects the last sync error, RestartRequired is the VM's own; every
 * other VMI condition is mirrored.
 */
import { conditionsOf, getCondition, removeCondition, upsertCondition } from './conditions.js';
import type { Condition, VM, VMI } from './types.js';

export interface SyncError {
  reason: string;
  message: string;
}

const VM_OWN = new Set(['Ready', 'Failure', 'RestartRequired']);

export function syncVmConditions(
  vm: VM,
  vmi: VMI | undefined,
  syncError: SyncError | undefined,
  now: string,
): Condition[] {
  let out = conditionsOf(vm);
  const vmiReady = getCondition(vmi, 'Ready');
  if (!vmi) {
    out = upsertCondition(
      out,
      { type: 'Ready', status: 'False', reason: 'VMINotExists', message: 'VMI does not exist' },
      now,
    );
  } else if (!vmiReady) {
    out = upsertCondition(
      out,
      {
        type: 'Ready',
        status: 'False',
        reason: 'VMIConditionMissing',
        message: 'VMI is missing the Ready condition',
      },
      now,
    );
  } else {
    out = upsertCondition(out, { ...vmiReady, type: 'Ready' }, now);
  }

  if (syncError) {
    out = upsertCondition(
      out,
      { type: 'Failure', status: 'True', reason: syncError.reason, message: syncError.message },
      now,
    );
  } else {
    out = removeCondition(out, 'Failure');
  }

  const vmiConds = conditionsOf(vmi as never).filter((c) => !VM_OWN.has(c.type));
  const mirrored = new Set(vmiConds.map((c) => c.type));
  for (const c of vmiConds) out = upsertCondition(out, c, now);
  out = out.filter((c) => VM_OWN.has(c.type) || mirrored.has(c.type));
  return out;
}

export const RESTART_REQUIRED_MESSAGE = 'a non-live-updatable field was changed in the template spec';

export function setRestartRequired(list: Condition[], now: string, message = RESTART_REQUIRED_MESSAGE): Condition[] {
  return upsertCondition(list, { type: 'RestartRequired', status: 'True', message }, now);
}
