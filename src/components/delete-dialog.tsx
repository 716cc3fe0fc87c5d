import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useId, useState, type ReactNode } from 'react';
import { parseGracePeriod } from '../lib/grace-period';
import { describeError } from './error-details';
import { FieldHelper, fieldProps } from './form/field-helper';

/** What a delete dialog's fields choose. */
export interface DeleteDialogOptions {
  /** Delete the DataVolumes the object owns (only offered when it has some). */
  deleteDataVolumes: boolean;
  /** Overrides the object's grace period; undefined keeps the default. */
  gracePeriodSeconds?: number;
}

interface DeleteOptionsState {
  deleteDataVolumes: boolean;
  setDeleteDataVolumes: (on: boolean) => void;
  grace: string;
  setGrace: (text: string) => void;
  /** The options to send, or undefined while the grace period is not a whole number. */
  options: DeleteDialogOptions | undefined;
}

/** The options of a deletion, as a dialog's fields edit them (owned DataVolumes go by default). */
function useDeleteOptions(): DeleteOptionsState {
  const [deleteDataVolumes, setDeleteDataVolumes] = useState(true);
  const [grace, setGrace] = useState('');
  const parsed = parseGracePeriod(grace);
  const options = parsed.ok ? { deleteDataVolumes, gracePeriodSeconds: parsed.value } : undefined;
  return { deleteDataVolumes, setDeleteDataVolumes, grace, setGrace, options };
}

/**
 * The option fields of the delete dialogs: "Delete owned DataVolumes" (when there are any) and the
 * grace period.
 */
function DeleteOptionsFields({
  id,
  state,
  hasDataVolumes,
  dataVolumesDescription,
  gracePlaceholder,
}: {
  /** Prefix of the fields' ids. */
  id: string;
  state: DeleteOptionsState;
  hasDataVolumes: boolean;
  dataVolumesDescription?: string;
  gracePlaceholder: string;
}) {
  const graceError = parseGracePeriod(state.grace).ok ? undefined : 'Enter a whole number of seconds.';
  return (
    <>
      {hasDataVolumes && (
        <Checkbox
          id={`${id}-dvs`}
          label="Delete owned DataVolumes"
          description={dataVolumesDescription}
          isChecked={state.deleteDataVolumes}
          onChange={(_e, v) => state.setDeleteDataVolumes(v)}
        />
      )}
      <FormGroup label="Grace period (seconds)" fieldId={`${id}-grace`}>
        <TextInput
          id={`${id}-grace`}
          type="number"
          min={0}
          value={state.grace}
          placeholder={gracePlaceholder}
          onChange={(_e, v) => state.setGrace(v)}
          {...fieldProps(`${id}-grace`, graceError)}
        />
        <FieldHelper fieldId={`${id}-grace`} error={graceError} hint="Leave empty to use the default." />
      </FormGroup>
    </>
  );
}

export interface DeleteDialogProps {
  /** "Delete virtual machine?": the dialog's accessible name. */
  title: string;
  /** What to type to confirm (the VM's name, the number of VMs). */
  expected: string;
  /** What will be deleted, above the fields. */
  children: ReactNode;
  hasDataVolumes: boolean;
  dataVolumesDescription?: string;
  gracePlaceholder: string;
  /** Title of the inline error when onDelete rejects (the dialog then stays open with its fields). */
  errorTitle: string;
  /** Sends the delete; resolves to close the dialog. */
  onDelete: (options: DeleteDialogOptions) => Promise<unknown>;
  onClose: () => void;
}

/** A delete confirmation: type `expected`; owned DataVolumes and a grace period as options. */
export function DeleteDialog(p: DeleteDialogProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const deleteOptions = useDeleteOptions();
  const { options } = deleteOptions;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const canDelete = typed === p.expected && options !== undefined && !busy;

  const submit = async () => {
    if (!canDelete) return;
    setBusy(true);
    setError(undefined);
    try {
      await p.onDelete(options);
      p.onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal variant="small" isOpen onClose={p.onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <ModalHeader title={p.title} titleIconVariant="warning" labelId={`${id}-title`} />
      <ModalBody id={`${id}-body`}>
        {p.children}
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <FormGroup label={`Type ${p.expected} to confirm`} fieldId={`${id}-confirm`} isRequired>
            <TextInput id={`${id}-confirm`} value={typed} onChange={(_e, v) => setTyped(v)} autoComplete="off" />
          </FormGroup>
          <DeleteOptionsFields
            id={id}
            state={deleteOptions}
            hasDataVolumes={p.hasDataVolumes}
            dataVolumesDescription={p.dataVolumesDescription}
            gracePlaceholder={p.gracePlaceholder}
          />
        </Form>
        {error !== undefined && (
          <Alert variant="danger" isInline title={p.errorTitle} className="pf-v6-u-mt-md">
            {describeError(error).message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={() => void submit()} isDisabled={!canDelete} isLoading={busy}>
          Delete
        </Button>
        <Button variant="link" onClick={p.onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
