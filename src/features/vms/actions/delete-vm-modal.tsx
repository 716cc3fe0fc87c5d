import { Alert, Button, Content, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useId, useState } from 'react';
import { describeError } from '../../../components/error-details';
import { nameOf, namespaceOf, vmDataVolumeTemplateNames, vmTemplateSpec, type VM } from '../selectors';
import { DeleteOptionsFields, useDeleteOptions } from './delete-options';
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
  const [typed, setTyped] = useState('');
  const deleteOptions = useDeleteOptions();
  const { options } = deleteOptions;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = useId();
  const canDelete = typed === name && options !== undefined && !busy;

  const submit = async () => {
    if (!canDelete) return;
    setBusy(true);
    setError(undefined);
    try {
      await onDelete(options);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal variant="small" isOpen onClose={onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <ModalHeader title="Delete virtual machine?" titleIconVariant="warning" labelId={`${id}-title`} />
      <ModalBody id={`${id}-body`}>
        <Content component="p">
          The virtual machine <strong>{name}</strong> in namespace <strong>{namespaceOf(vm)}</strong> will be deleted, and
          stopped first if it is running.
        </Content>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <FormGroup label={`Type ${name} to confirm`} fieldId={`${id}-name`} isRequired>
            <TextInput id={`${id}-name`} value={typed} onChange={(_e, v) => setTyped(v)} autoComplete="off" />
          </FormGroup>
          <DeleteOptionsFields
            id={id}
            state={deleteOptions}
            hasDataVolumes={dataVolumes.length > 0}
            dataVolumesDescription={`${dataVolumes.join(', ')}: deleted with the virtual machine when checked, kept otherwise.`}
            gracePlaceholder={defaultGrace !== undefined ? `Default: ${defaultGrace}` : 'Default'}
          />
        </Form>
        {error !== undefined && (
          <Alert variant="danger" isInline title="The virtual machine was not deleted" className="pf-v6-u-mt-md">
            {describeError(error).message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={() => void submit()} isDisabled={!canDelete} isLoading={busy}>
          Delete
        </Button>
        <Button variant="link" onClick={onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
