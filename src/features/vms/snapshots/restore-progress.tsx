import { Button, List, ListItem } from '@patternfly/react-core';
import { Link } from 'react-router';
import { describeError } from '../../../components/error-details';
import { VirtualMachineRestoreModel } from '../../../k8s/snapshot-models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { restoreMessage, restoreState } from '../../../kubevirt/restore-clone-rules';
import { namespacedPath } from '../../../lib/routes';
import { OperationStatus } from './operation-status';

/** Follows a VirtualMachineRestore, live, to its result: the disks restored and the VM. */
export function RestoreProgress({ name, namespace }: { name: string; namespace: string }) {
  const { data: restore, error } = useK8sGet(VirtualMachineRestoreModel, name, namespace);
  if (!restore) {
    return error ? (
      <OperationStatus id="restore-status" state="failed" title="Cannot follow the restore">
        {describeError(error).message}
      </OperationStatus>
    ) : (
      <OperationStatus id="restore-status" state="progressing" title={`Restore ${name} created`} />
    );
  }
  const state = restoreState(restore);
  const target = restore.spec?.target?.name ?? '';
  const volumes = restore.status?.restores ?? [];
  return (
    <OperationStatus
      id="restore-status"
      state={state === 'complete' ? 'succeeded' : state}
      title={
        state === 'complete'
          ? `${target} restored`
          : state === 'failed'
            ? `Restore ${name} failed`
            : `Restoring ${target}`
      }
      message={restoreMessage(restore)}
    >
      {state === 'complete' && volumes.length > 0 && (
        <List aria-label="Disks restored">
          {volumes.map((v) => (
            <ListItem key={v.volumeName}>
              {v.volumeName}: new claim {v.persistentVolumeClaim} from {v.volumeSnapshotName}
            </ListItem>
          ))}
        </List>
      )}
      {state === 'complete' && target && (
        <Button
          variant="link"
          isInline
          id="restore-target-link"
          component={(props: object) => <Link {...props} to={namespacedPath('virtualmachines', namespace, target)} />}
        >
          Open {target}
        </Button>
      )}
    </OperationStatus>
  );
}
