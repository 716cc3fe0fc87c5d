import type { VM } from '../../kubevirt/vm-selectors';
import type { VMI } from '../../kubevirt/vmi-selectors';
import { VmActionDialog, type VmDialogActionId } from '../../features/vms/actions/vm-action-dialog';
import { VmDeleteDialog } from '../../features/vms/actions/vm-delete-dialog';
import type { VmAction } from '../../features/vms/actions/vm-actions';

export interface PaletteDialog {
  action: VmAction;
  vm: VM;
  vmi?: VMI;
}

/** The dialog of an action picked in the palette (Take snapshot, Clone, Delete), the menus' own. */
export function PaletteDialogs({ dialog, onClose }: { dialog: PaletteDialog | undefined; onClose: () => void }) {
  if (!dialog) return null;
  const { action, vm, vmi } = dialog;
  if (action.needsConfirmation) return <VmDeleteDialog vm={vm} vmi={vmi} onClose={onClose} />;
  return <VmActionDialog id={action.id as VmDialogActionId} vm={vm} vmi={vmi} onClose={onClose} />;
}
