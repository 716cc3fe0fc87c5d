import { Alert, Button, Form, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type ReactNode } from 'react';
import { describeError } from '../../../../components/error-details';
import { nameOf } from '../../../../k8s/meta';
import { describeValue } from '../../../../kubevirt/pending-changes';
import type { Assignment, ServerChange } from '../../../../kubevirt/vm-edit';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { patchVm } from './vm-patch';

export interface EditModalProps {
  /** Used for ids: `config-<id>-...`. */
  id: string;
  title: string;
  /** The VM as it was when the dialog opened: the edit is made from it. */
  vm: VM;
  /** The edit as assignments, from the VM it applies to (rebuilt from the fresh VM on reapply); a string is a problem. */
  build: (base: VM) => Assignment[] | string;
  onClose: () => void;
  children: ReactNode;
  /** Instead of a patch (e.g. a hot-plug through a subresource): resolves when done; throws to show the error. */
  submit?: () => Promise<void>;
  /** Runs before the patch (e.g. creates a Secret the edit refers to); throws to stop and show the error. */
  before?: () => Promise<void>;
  /** The primary button's label ("Save"). */
  saveLabel?: string;
  /** Wider dialogs for text areas. */
  variant?: 'small' | 'medium' | 'large';
}

interface Conflict {
  changes: ServerChange[];
  others: boolean;
}

function ConflictAlert({ id, conflict }: { id: string; conflict: Conflict }) {
  return (
    <Alert
      variant="warning"
      isInline
      title="The virtual machine changed on the server since you opened this dialog"
      id={`config-${id}-conflict`}
    >
      <p>Your edit is kept. Check what changed, then reapply your changes on top of the new version or cancel.</p>
      {conflict.changes.length > 0 ? (
        <Table aria-label="Changed on the server" variant="compact">
          <Thead>
            <Tr>
              <Th>Field</Th>
              <Th>When you opened it</Th>
              <Th>Now on the server</Th>
            </Tr>
          </Thead>
          <Tbody>
            {conflict.changes.map((c) => (
              <Tr key={c.field}>
                <Td dataLabel="Field" className="kv-mono">
                  {c.field}
                </Td>
                <Td dataLabel="When you opened it">{describeValue(c.before)}</Td>
                <Td dataLabel="Now on the server">{describeValue(c.now)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <p>
          {conflict.others
            ? 'None of the fields you edit changed; other fields did.'
            : 'Only its status or bookkeeping changed.'}
        </p>
      )}
    </Alert>
  );
}

/**
 * An edit dialog of the Configuration tab: Save patches the VM from the version the dialog opened
 * with; on a conflict the form keeps the user's values, shows what changed on the server, and
 * "Reapply" saves them on top of the fresh version.
 */
export function EditModal(props: EditModalProps) {
  const { id, title, vm, build, onClose, children, submit, before, saveLabel = 'Save', variant = 'medium' } = props;
  const [base, setBase] = useState(vm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<Conflict>();
  const formId = `config-${id}-form`;

  const save = async () => {
    if (busy) return;
    if (submit) return run(submit);
    const built = build(base);
    if (typeof built === 'string') {
      setError(new Error(built));
      return;
    }
    await run(async () => {
      await before?.();
      const outcome = await patchVm(base, () => built);
      if (outcome.ok) return onClose();
      setConflict(outcome.conflict);
      setBase(outcome.conflict.fresh);
    });
  };

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      if (submit) onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal isOpen onClose={onClose} variant={variant} aria-labelledby={`config-${id}-dialog-title`}>
      <ModalHeader title={title} labelId={`config-${id}-dialog-title`} description={`Of ${nameOf(vm)}`} />
      <ModalBody>
        <Form
          id={formId}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {children}
          {conflict && <ConflictAlert id={id} conflict={conflict} />}
          {error !== undefined && (
            <Alert variant="danger" isInline title="The change was not saved" id={`config-${id}-error`}>
              {describeError(error).message}
            </Alert>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" type="submit" form={formId} isLoading={busy} isDisabled={busy}>
          {conflict ? 'Reapply my changes' : saveLabel}
        </Button>
        <Button variant="link" onClick={onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
