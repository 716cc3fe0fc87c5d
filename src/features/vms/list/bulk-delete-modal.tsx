import { Content } from '@patternfly/react-core';
import { DeleteDialog } from '../../../components/delete-dialog';
import type { DeleteVmOptions } from '../actions/vm-requests';
import { vmDataVolumeTemplateNames } from '../../../kubevirt/vm-selectors';
import type { VmRow } from './vm-rows';

const SHOWN = 10;

/** Confirms deleting several VMs: type the number of VMs; owned DataVolumes and a grace period optional. */
export function BulkDeleteModal({
  rows,
  onClose,
  onDelete,
}: {
  rows: VmRow[];
  onClose: () => void;
  /** Deletes each VM; failures are reported per VM by the action toasts, so it does not reject. */
  onDelete: (options: DeleteVmOptions) => Promise<void>;
}) {
  return (
    <DeleteDialog
      title={`Delete ${rows.length} virtual machines?`}
      expected={String(rows.length)}
      hasDataVolumes={rows.some((r) => vmDataVolumeTemplateNames(r.vm).length > 0)}
      gracePlaceholder="Default: each virtual machine's own"
      errorTitle="The virtual machines were not deleted"
      onDelete={onDelete}
      onClose={onClose}
    >
      <Content component="ul" aria-label="Virtual machines to delete">
        {rows.slice(0, SHOWN).map((r) => (
          <Content component="li" key={r.key}>
            {r.name} ({r.namespace})
          </Content>
        ))}
        {rows.length > SHOWN && <Content component="li">and {rows.length - SHOWN} more</Content>}
      </Content>
    </DeleteDialog>
  );
}
