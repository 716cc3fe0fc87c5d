import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { vmActionStates, type VmAccess, type VmActionId, type VmActionState } from '../../../kubevirt/vm-action-rules';
import { createVmSnapshot, deleteVm, putVmSubresource, putVmiSubresource, type DeleteVmOptions } from './vm-requests';

/**
 * A VM action as data (src/kubevirt/vm-action-rules.ts) with its request; delete asks for the name
 * first (DeleteVmModal). Take snapshot's request uses a generated name (bulk snapshots); the menus
 * open its dialog instead, and Clone's, which sends its own request.
 */
export interface VmAction extends VmActionState {
  /** Sends the request; rejects with a K8sError carrying the server's Status. */
  run: (options?: DeleteVmOptions) => Promise<unknown>;
}

const DEFAULT_DELETE: DeleteVmOptions = { deleteDataVolumes: true };

function request(id: VmActionId, vm: VM): VmAction['run'] {
  switch (id) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'migrate':
      return () => putVmSubresource(vm, id);
    case 'pause':
    case 'unpause':
      return () => putVmiSubresource(vm, id);
    case 'snapshot':
      return () => createVmSnapshot(vm);
    case 'clone':
      return () => Promise.reject(new Error('Clone a virtual machine from its clone dialog'));
    case 'delete':
      return (options) => deleteVm(vm, options ?? DEFAULT_DELETE);
  }
}

/**
 * Every lifecycle action of a VM, in menu order, each enabled or disabled with its reason.
 * `vmi` is the VM's instance (same namespace and name) when there is one.
 */
export function vmActions(vm: VM, vmi: VMI | undefined, access: VmAccess): VmAction[] {
  return vmActionStates(vm, vmi, access).map((state) => ({ ...state, run: request(state.id, vm) }));
}

/** One action of a VM by id. */
export const vmAction = (id: VmActionId, vm: VM, vmi: VMI | undefined, access: VmAccess): VmAction =>
  vmActions(vm, vmi, access).find((a) => a.id === id) as VmAction;
