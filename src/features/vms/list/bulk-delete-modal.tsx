import { Button, Content, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useId, useState } from 'react';
import { DeleteOptionsFields, useDeleteOptions } from '../actions/delete-options';
import type { DeleteVmOptions } from '../actions/vm-requests';
import { vmDataVolumeTemplateNames } from '../selectors';
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
  onDelete: (options: DeleteVmOptions) => Promise<void>;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const deleteOptions = useDeleteOptions();
  const { options } = deleteOptions;
  const [busy, setBusy] = useState(false);
  const hasDataVolumes = rows.some((r) => vmDataVolumeTemplateNames(r.vm).length > 0);
  const expected = String(rows.length);
  const canDelete = typed === expected && options !== undefined && !busy;
  const submit = async () => {
    if (!canDelete) return;
    setBusy(true);
    // Failures are reported per VM by the action toasts.
    await onDelete(options);
    onClose();
  };
  return (
    <Modal variant="small" isOpen onClose={onClose} aria-labelledby={`${id}-title`}>
      <ModalHeader title={`Delete ${rows.length} virtual machines?`} titleIconVariant="warning" labelId={`${id}-title`} />
      <ModalBody>
        <Content component="ul" aria-label="Virtual machines to delete">
          {rows.slice(0, SHOWN).map((r) => (
            <Content component="li" key={r.key}>
              {r.name} ({r.namespace})
            </Content>
          ))}
          {rows.length > SHOWN && <Content component="li">and {rows.length - SHOWN} more</Content>}
        </Content>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <FormGroup label={`Type ${expected} to confirm`} fieldId={`${id}-count`} isRequired>
            <TextInput id={`${id}-count`} value={typed} onChange={(_e, v) => setTyped(v)} autoComplete="off" />
          </FormGroup>
          <DeleteOptionsFields id={id} state={deleteOptions} hasDataVolumes={hasDataVolumes} gracePlaceholder="Default: each virtual machine's own" />
        </Form>
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
