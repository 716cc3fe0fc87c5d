/**
 * RestartRequired, recomputed from the store rather than remembered: the spec of the VMI the VM
 * would start now, compared with the running VMI's spec. KubeVirt compares the VM's template
 * spec with the one the VMI was started from (kept in a ControllerRevision); the running VMI is
 * that start plus defaults, so both sides get the same defaults before comparing.
 */
import { clone, jsonEqual } from '../../store/util.js';
import type { ClusterClient } from '../../runtime/client.js';
import { isFinal } from '../../kubevirt/conditions.js';
import type { VM, VMI } from '../../kubevirt/types.js';
import { applyVmiDefaults, vmiFromVm } from '../../kubevirt/vmi-from-vm.js';

type Json = Record<string, unknown>;

/** A VMI spec with the defaults virt-controller and virt-api add, minus what changes at run time. */
function comparable(spec: unknown): Json {
  const s = clone((spec ?? {}) as Json);
  applyVmiDefaults(s);
  s.architecture ??= 'amd64';
  const domain = s.domain as Json;
  // Generated per start, and patched by virt-api on a stop with a grace period.
  const firmware = { ...(domain.firmware as Json) };
  delete firmware.uuid;
  domain.firmware = firmware;
  delete s.terminationGracePeriodSeconds;
  return s;
}

export function restartRequired(client: ClusterClient, vm: VM, vmi: VMI): boolean {
  if (isFinal(vmi) || vmi.metadata.deletionTimestamp) return false;
  let wanted: unknown;
  try {
    wanted = vmiFromVm(client, vm).spec;
  } catch {
    return false; // a missing instancetype is a sync error, not a pending restart
  }
  return !jsonEqual(comparable(wanted), comparable(vmi.spec));
}
