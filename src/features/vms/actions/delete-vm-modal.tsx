import { Content } from '@patternfly/react-core';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { vmDataVolumeTemplateNames, vmTemplateSpec, type VM } from '../../../kubevirt/vm-selectors';
import { DeleteDialog } from '../../../components/delete-dialog';
import type { DeleteVmOptions } from './vm-requests';

export interface DeleteVmModalProps {
  vm: VM;
  onClose: () => void;
  /** Sends the delete; rejects with the server's error, shown in the dialog. */
  onDelete: (options: DeleteVmOptions) => Promise<unknown>;
}

/** Delete confirmation: type the VM's name; choose whether owned DataVolumes go too; a grace period. */
export function DeleteVmModal({ vm, onClose, onDelete }: DeleteVmModalProps) {
  const name = nameOf(vm);
  const dataVolumes = vmDataVolumeTemplateNames(vm);
  const defaultGrace = vmTemplateSpec(vm)?.terminationGracePeriodSeconds;
  return (
    <DeleteDialog
      title="Delete virtual machine?"
      expected={name}
      hasDataVolumes={dataVolumes.length > 0}
      dataVolumesDescription={`${dataVolumes.join(', ')}: deleted with the virtual machine when checked, kept otherwise.`}
      gracePlaceholder={defaultGrace !== undefined ? `Default: ${defaultGrace}` : 'Default'}
      errorTitle="The virtual machine was not deleted"
      onDelete={onDelete}
      onClose={onClose}
    >
      <Content component="p">
        The virtual machine <strong>{name}</strong> in namespace <strong>{namespaceOf(vm)}</strong> will be deleted, and
        stopped first if it is running.
      </Content>
    </DeleteDialog>
  );
}
