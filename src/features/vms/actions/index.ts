/**
 * VM lifecycle actions: Start, Stop, Restart, Pause, Unpause, Migrate, Delete.
 *
 * How to use
 * - Ready-made UI: `<VmActionsMenu vm={vm} vmi={vmi} onDeleted={...} />` (a kebab, for rows) and
 *   `<VmActionsToolbar vm={vm} vmi={vmi} onDeleted={...} />` (buttons, for the details page).
 *   Both check the user's access, disable (never hide) unavailable actions with the reason, show
 *   the transition at once (Starting, Stopping...) and ask for the name before a delete.
 * - Render `<VmActionAlerts />` ONCE per page: it shows failed actions as toasts with the
 *   server's message (failures are react-query mutations under VM_ACTION_MUTATION_KEY).
 * - Pure rules: `vmActions(vm, vmi, access)` → `VmAction[]` `{id, label, disabledReason, run,
 *   needsConfirmation, optimisticStatus}`; `access` from `useVmAccess(namespace)` (or
 *   FULL_ACCESS in tests). Run one with `useVmActionRunner().run(action, vm)` to get the
 *   optimistic status and the toast, or call `action.run()` for the bare request.
 * - `vmi` is the VMI with the VM's namespace and name, if any (e.g. `useK8sGet(VirtualMachineInstanceModel, name, ns)`).
 */
export { DeleteVmModal, type DeleteVmModalProps } from './delete-vm-modal';
export { DeleteDialog, type DeleteDialogProps } from '../../../components/delete-dialog';
export { parseGracePeriod } from '../../../lib/grace-period';
export { applyOptimisticStatus } from './optimistic';
export { VM_ACTION_ACCESS, useVmAccess, useVmAccessByNamespace } from './use-vm-access';
export {
  VM_ACTION_MUTATION_KEY,
  actionFailureTitle,
  useVmActionRunner,
  type VmActionVariables,
} from './use-vm-action-runner';
export { VmActionAlerts } from './vm-action-alerts';
export {
  FULL_ACCESS,
  OPTIMISTIC_STATUS,
  VM_ACTION_IDS,
  VM_ACTION_LABELS,
  accessReason,
  disabledReason,
  stateReason,
  type AccessVerdict,
  type VmAccess,
  type VmActionId,
} from '../../../kubevirt/vm-action-rules';
export { vmAction, vmActions, type VmAction } from './vm-actions';
export { VmActionsMenu, vmActionsToggleId, type VmActionsMenuProps } from './vm-actions-menu';
export { VmActionsToolbar, type VmActionsToolbarProps } from './vm-actions-toolbar';
export { VmDeleteDialog, type VmDeleteDialogProps } from './vm-delete-dialog';
export { deleteVm, putVmSubresource, putVmiSubresource, type DeleteVmOptions } from './vm-requests';
