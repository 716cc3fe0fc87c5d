import {
  Alert,
  Button,
  Content,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { useState } from 'react';
import { describeError } from '../../../components/error-details';
import { k8sDelete } from '../../../k8s/client';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { VirtualMachineSnapshotModel } from '../../../k8s/models';
import type { VMSnapshot } from '../../../kubevirt/snapshot-rules';

/** Confirms deleting one or more snapshots; what the server refuses stays listed with its message. */
export function DeleteSnapshotsModal({
  snapshots,
  onClose,
  onDeleted,
}: {
  snapshots: VMSnapshot[];
  onClose: () => void;
  /** The names the server accepted to delete. */
  onDeleted: (names: string[]) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<Array<{ name: string; message: string }>>([]);
  const title = snapshots.length === 1 ? 'Delete snapshot?' : `Delete ${snapshots.length} snapshots?`;

  const submit = async () => {
    setBusy(true);
    const results = await Promise.allSettled(
      snapshots.map((s) => k8sDelete(VirtualMachineSnapshotModel, nameOf(s), { namespace: namespaceOf(s) })),
    );
    const failed = results.flatMap((r, i) =>
      r.status === 'rejected' ? [{ name: nameOf(snapshots[i]), message: describeError(r.reason).message }] : [],
    );
    onDeleted(snapshots.filter((_, i) => results[i].status === 'fulfilled').map(nameOf));
    setBusy(false);
    if (failed.length) setFailures(failed);
    else onClose();
  };

  return (
    <Modal variant="small" isOpen onClose={onClose} aria-labelledby="delete-snapshots-title">
      <ModalHeader title={title} titleIconVariant="warning" labelId="delete-snapshots-title" />
      <ModalBody>
        <Content component="p">
          The snapshots and their volume snapshots are deleted; virtual machines restored from them keep their disks.
        </Content>
        <List aria-label="Snapshots to delete">
          {snapshots.map((s) => (
            <ListItem key={nameOf(s)}>{nameOf(s)}</ListItem>
          ))}
        </List>
        {failures.length > 0 && (
          <Alert variant="danger" isInline title="Some snapshots were not deleted" id="delete-snapshots-error">
            <List>
              {failures.map((f) => (
                <ListItem key={f.name}>
                  {f.name}: {f.message}
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void submit()}
          isLoading={busy}
          isDisabled={busy || failures.length > 0}
        >
          Delete
        </Button>
        <Button variant="link" onClick={onClose}>
          {failures.length ? 'Close' : 'Cancel'}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
