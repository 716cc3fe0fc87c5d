import type { PrintableStatus } from '../status/printable-status';
import type { VM, VMI } from '../selectors';
import {
  OPTIMISTIC_STATUS,
  VM_ACTION_IDS,
  VM_ACTION_LABELS,
  disabledReason,
  type VmAccess,
  type VmActionId,
} from './vm-action-rules';
import { deleteVm, putVmSubresource, putVmiSubresource, type DeleteVmOptions } from './vm-requests';

export interface VmAction {
  id: VmActionId;
  label: string;
  /** Set when the action is unavailable: the UI shows it disabled with this text, never hides it. */
  disabledReason?: string;
  /** Delete asks the user to type the VM's name first (DeleteVmModal). */
  needsConfirmation: boolean;
  /** The status to show at once while the request is in flight. */
  optimisticStatus?: PrintableStatus;
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
    case 'delete':
      return (options) => deleteVm(vm, options ?? DEFAULT_DELETE);
  }
}

/**
 * Every lifecycle action of a VM, in menu order, each enabled or disabled with its reason.
 * `vmi` is the VM's instance (same namespace and name) when there is one.
 */
export function vmActions(vm: VM, vmi: VMI | undefined, access: VmAccess): VmAction[] {
  return VM_ACTION_IDS.map((id) => ({
    id,
    label: VM_ACTION_LABELS[id],
    disabledReason: disabledReason(id, vm, vmi, access),
    needsConfirmation: id === 'delete',
    optimisticStatus: OPTIMISTIC_STATUS[id],
    run: request(id, vm),
  }));
}

/** One action of a VM by id. */
export const vmAction = (id: VmActionId, vm: VM, vmi: VMI | undefined, access: VmAccess): VmAction =>
  vmActions(vm, vmi, access).find((a) => a.id === id) as VmAction;
