/**
 * KubeVirt's VM mutating webhook defaults the kind of instance type and preference matchers
 * (pkg/virt-api/webhooks/mutating-webhook/mutators/vm-mutator.go setDefaultInstancetypeKind,
 * setDefaultPreferenceKind): the cluster-wide kinds, spelled as their singular resource names.
 */
import { isObject, type Json } from './schema.js';

export const DEFAULT_INSTANCETYPE_KIND = 'virtualmachineclusterinstancetype';
export const DEFAULT_PREFERENCE_KIND = 'virtualmachineclusterpreference';

/** Sets the missing kinds on a VM spec (a mutable copy); true when it changed something. */
export function defaultMatcherKinds(spec: Json): boolean {
  let changed = false;
  for (const [field, kind] of [
    ['instancetype', DEFAULT_INSTANCETYPE_KIND],
    ['preference', DEFAULT_PREFERENCE_KIND],
  ] as const) {
    const m = spec[field];
    if (isObject(m) && (m.kind === undefined || m.kind === '')) {
      m.kind = kind;
      changed = true;
    }
  }
  return changed;
}
