import { k8sGet, k8sPatch } from '../../../../k8s/client';
import { isK8sError } from '../../../../k8s/k8s-error';
import { nameOf, namespaceOf } from '../../../../k8s/meta';
import { VirtualMachineModel } from '../../../../k8s/models';
import { mergePatchOf, serverChanges, type Assignment, type ServerChange } from '../../../../kubevirt/vm-edit';
import type { VM } from '../../../../kubevirt/vm-selectors';

export type PatchOutcome =
  { ok: true; vm: VM } | { ok: false; conflict: { fresh: VM; changes: ServerChange[]; others: boolean } };

/**
 * Patches the VM with the edit built from `base`, made conditional on base's resourceVersion (a
 * merge patch carrying metadata.resourceVersion). On 409 Conflict it reads the fresh VM and says
 * what changed on the server in the fields the edit touches; other errors throw.
 */
export async function patchVm(base: VM, build: (base: VM) => Assignment[]): Promise<PatchOutcome> {
  const assignments = build(base);
  const namespace = namespaceOf(base);
  try {
    const patch = mergePatchOf(assignments, base.metadata?.resourceVersion);
    const vm = await k8sPatch(VirtualMachineModel, nameOf(base), patch, { type: 'merge', namespace });
    return { ok: true, vm };
  } catch (e) {
    if (!isK8sError(e) || e.code !== 409) throw e;
    const fresh = await k8sGet(VirtualMachineModel, nameOf(base), { namespace });
    return { ok: false, conflict: { fresh, ...serverChanges(base, fresh, assignments) } };
  }
}
