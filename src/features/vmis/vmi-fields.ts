/** Reads of a VMI's list fields (the vms feature has the full selectors; features do not share code). */
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

type VMI = V1VirtualMachineInstance;

/** The phase as `kubectl get vmi` prints it: an empty phase is Pending. */
export const vmiPhaseOf = (vmi: VMI): string => vmi.status?.phase || 'Pending';

export const vmiNodeOf = (vmi: VMI): string | undefined => vmi.status?.nodeName || undefined;

/** Every IP of every interface, once, first interface first. */
export function vmiIpsOf(vmi: VMI): string[] {
  const out: string[] = [];
  for (const i of vmi.status?.interfaces ?? []) {
    for (const ip of [i.ipAddress, ...(i.ipAddresses ?? [])]) if (ip && !out.includes(ip)) out.push(ip);
  }
  return out;
}

/** The VirtualMachine that controls the VMI, if any (a VMI can also be created on its own). */
export const vmiOwnerOf = (vmi: VMI): string | undefined =>
  vmi.metadata?.ownerReferences?.find((r) => r.kind === 'VirtualMachine' && r.controller !== false)?.name;

export const vmiIsPausedOf = (vmi: VMI): boolean =>
  Boolean(vmi.status?.conditions?.some((c) => c.type === 'Paused' && c.status === 'True'));
