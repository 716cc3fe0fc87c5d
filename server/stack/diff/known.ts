/**
 * Differences between the embedded cluster and the real kube-apiserver that the differential
 * test (../differential.test.ts) accepts, each with the reason. `field` is `code`, `reason`,
 * `message`, `step`, or a path into the normalized body (`body.metadata.x`; a listed path covers
 * everything below it).
 */
import type { Difference } from './harness.js';

export interface KnownDifference {
  case: string;
  step: string;
  field: string;
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [];

export function isKnown(d: Difference, list: KnownDifference[] = KNOWN_DIFFERENCES): boolean {
  return list.some(
    (k) =>
      k.case === d.case &&
      k.step === d.step &&
      (d.field === k.field || d.field.startsWith(`${k.field}.`) || d.field.startsWith(`${k.field}[`)),
  );
}
