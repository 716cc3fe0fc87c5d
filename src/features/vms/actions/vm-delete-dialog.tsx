import { useMemo } from 'react';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { DeleteVmModal } from './delete-vm-modal';
import { useVmActionRunner } from './use-vm-action-runner';
import { FULL_ACCESS } from '../../../kubevirt/vm-action-rules';
import { vmAction } from './vm-actions';

export interface VmDeleteDialogProps {
  vm: VM;
  vmi?: VMI;
  onClose: () => void;
  /** After the API accepted the delete (the VM may still be Terminating). */
  onDeleted?: () => void;
}

/** The delete confirmation wired to the action runner (optimistic Terminating, errors in the dialog). */
export function VmDeleteDialog({ vm, vmi, onClose, onDeleted }: VmDeleteDialogProps) {
  const { run } = useVmActionRunner();
  // The menu or toolbar that opened the dialog has already checked access and state.
  const action = useMemo(() => vmAction('delete', vm, vmi, FULL_ACCESS), [vm, vmi]);
  return (
    <DeleteVmModal
      vm={vm}
      onClose={onClose}
      onDelete={async (options) => {
        await run(action, vm, { options, silent: true });
        onDeleted?.();
      }}
    />
  );
}
