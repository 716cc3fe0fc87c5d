/** Small helpers to edit a VMI's status the way virt-controller and virt-handler do. */
import { removeCondition, upsertCondition } from '../../kubevirt/conditions.js';
import type { Condition } from '../../kubevirt/types.js';

export interface VmiStatus {
  phase?: string;
  reason?: string;
  nodeName?: string;
  conditions?: Condition[];
  phaseTransitionTimestamps?: Array<{ phase: string; phaseTransitionTimestamp: string }>;
  [key: string]: unknown;
}

/** Sets the phase and appends a phaseTransitionTimestamp when it changes. */
export function setPhase(status: VmiStatus, phase: string, now: string): void {
  if (status.phase === phase) return;
  status.phase = phase;
  status.phaseTransitionTimestamps = [
    ...(status.phaseTransitionTimestamps ?? []),
    { phase, phaseTransitionTimestamp: now },
  ];
}

export function setCondition(status: VmiStatus, cond: Condition, now: string): void {
  status.conditions = upsertCondition(status.conditions, { lastProbeTime: null, ...cond }, now);
}

export function dropCondition(status: VmiStatus, type: string): void {
  status.conditions = removeCondition(status.conditions, type);
  if (status.conditions.length === 0) delete status.conditions;
}
