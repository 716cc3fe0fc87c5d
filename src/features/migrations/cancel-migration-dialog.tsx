import { Alert, Button, Content, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { describeError } from '../../components/error-details';
import { k8sDelete } from '../../k8s/client';
import { VirtualMachineInstanceMigrationModel } from '../../k8s/models';
import type { MigrationRow } from './migration-rows';

/**
 * Cancel a migration: delete its VirtualMachineInstanceMigration (KubeVirt aborts a running one; the
 * VMI stays on its source node).
 */
export function CancelMigrationDialog({ row, onClose }: { row: MigrationRow; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await k8sDelete(VirtualMachineInstanceMigrationModel, row.name, { namespace: row.namespace });
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const titleId = 'cancel-migration-title';
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby={titleId} id="cancel-migration-dialog">
      <ModalHeader title="Cancel migration?" labelId={titleId} titleIconVariant="warning" />
      <ModalBody>
        <Content component="p">
          The migration <strong>{row.name}</strong> of <strong>{row.vmiName}</strong> in namespace{' '}
          <strong>{row.namespace}</strong> will be cancelled: its VirtualMachineInstanceMigration is deleted, and the
          VirtualMachine instance keeps running on {row.sourceNode ?? 'its current node'}.
        </Content>
        {error !== undefined && (
          <Alert variant="danger" isInline title="The migration was not cancelled">
            {describeError(error).message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={cancel} isLoading={busy} isDisabled={busy}>
          Cancel migration
        </Button>
        <Button variant="link" onClick={onClose}>
          Keep migrating
        </Button>
      </ModalFooter>
    </Modal>
  );
}
