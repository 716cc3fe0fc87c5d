import {
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useId, useState } from 'react';
import { describeError } from '../../../components/error-details';
import { nameOf, namespaceOf, vmDataVolumeTemplateNames, vmTemplateSpec, type VM } from '../selectors';
import type { DeleteVmOptions } from './vm-requests';

export interface DeleteVmModalProps {
  vm: VM;
  onClose: () => void;
  /** Sends the delete; rejects with the server's error, shown in the dialog. */
  onDelete: (options: DeleteVmOptions) => Promise<unknown>;
}

/** Reads the grace period field: '' is the default; anything else must be a whole number ≥ 0. */
export function parseGracePeriod(text: string): { ok: true; value?: number } | { ok: false } {
  const t = text.trim();
  if (t === '') return { ok: true };
  return /^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false };
}

/** Delete confirmation: type the VM's name; choose whether owned DataVolumes go too; a grace period. */
export function DeleteVmModal({ vm, onClose, onDelete }: DeleteVmModalProps) {
  const name = nameOf(vm);
  const dataVolumes = vmDataVolumeTemplateNames(vm);
  const defaultGrace = vmTemplateSpec(vm)?.terminationGracePeriodSeconds;
  const [typed, setTyped] = useState('');
  const [deleteDataVolumes, setDeleteDataVolumes] = useState(true);
  const [grace, setGrace] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = useId();
  const graceValue = parseGracePeriod(grace);
  const canDelete = typed === name && graceValue.ok && !busy;

  const submit = async () => {
    if (!canDelete || !graceValue.ok) return;
    setBusy(true);
    setError(undefined);
    try {
      await onDelete({ deleteDataVolumes, gracePeriodSeconds: graceValue.value });
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
          {dataVolumes.length > 0 && (
            <Checkbox
              id={`${id}-dvs`}
              label="Delete owned DataVolumes"
              description={`${dataVolumes.join(', ')}: deleted with the virtual machine when checked, kept otherwise.`}
              isChecked={deleteDataVolumes}
              onChange={(_e, v) => setDeleteDataVolumes(v)}
            />
          )}
          <FormGroup label="Grace period (seconds)" fieldId={`${id}-grace`}>
            <TextInput
              id={`${id}-grace`}
              type="number"
              min={0}
              value={grace}
              placeholder={defaultGrace !== undefined ? `Default: ${defaultGrace}` : 'Default'}
              validated={graceValue.ok ? 'default' : 'error'}
              onChange={(_e, v) => setGrace(v)}
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={graceValue.ok ? 'default' : 'error'}>
                  {graceValue.ok ? 'Leave empty to use the default.' : 'Enter a whole number of seconds.'}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
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
