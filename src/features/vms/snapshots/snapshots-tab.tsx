import { Checkbox, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMemo, useState } from 'react';
import { accessDeniedReason, ReasonButton } from '../../../components/disabled-reason';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { CellTimestamp } from '../../../components/timestamp';
import { useAccessReview } from '../../../k8s/access-review';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { VirtualMachineSnapshotModel } from '../../../k8s/models';
import {
  VirtualMachineRestoreModel,
  VirtualMachineSnapshotContentModel,
  VolumeSnapshotModel,
} from '../../../k8s/snapshot-models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { restoresBySnapshot } from '../../../kubevirt/restore-clone-rules';
import { snapshotSizeBytes, snapshotState, snapshotsOfVm, type VMSnapshot } from '../../../kubevirt/snapshot-rules';
import type { VM } from '../../../kubevirt/vm-selectors';
import { formatBytes } from '../../../lib/quantity';
import { useVmAccess } from '../actions/use-vm-access';
import { vmAction } from '../actions/vm-actions';
import { VmActionDialog } from '../actions/vm-action-dialog';
import { useVmi } from '../details/use-vm-related';
import { DeleteSnapshotsModal } from './delete-snapshots-modal';
import { RestoreModal } from './restore-modal';
import { DisksCell, IndicationsCell, RestoresCell, SnapshotStatusCell } from './snapshot-cells';

/** Why a snapshot cannot be restored now, or undefined. */
const restoreReason = (s: VMSnapshot): string | undefined =>
  snapshotState(s) === 'ready' ? undefined : 'Only a snapshot that is ready can be restored';

/** The VM's snapshots, live: phase, time, size, indications, disks and restores; take, restore, delete. */
export function SnapshotsTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const vmi = useVmi(namespace, name);
  const snapshots = useK8sList(VirtualMachineSnapshotModel, { namespace });
  const restores = useK8sList(VirtualMachineRestoreModel, { namespace });
  const contents = useK8sList(VirtualMachineSnapshotContentModel, { namespace });
  // Sizes come from the CSI VolumeSnapshots; a user who may not list them sees no size.
  const volumeSnapshots = useK8sList(VolumeSnapshotModel, { namespace });
  const access = useVmAccess(namespace);
  const snapshotAction = vmAction('snapshot', vm, vmi, access);
  const canDelete = useAccessReview({
    group: 'snapshot.kubevirt.io',
    resource: 'virtualmachinesnapshots',
    verb: 'delete',
    namespace,
  });
  const canRestore = useAccessReview({
    group: 'snapshot.kubevirt.io',
    resource: 'virtualmachinerestores',
    verb: 'create',
    namespace,
  });
  const deleteReason = accessDeniedReason(canDelete, 'delete snapshots in this namespace');
  const restoreAccessReason = accessDeniedReason(canRestore, 'restore snapshots in this namespace');
  const [taking, setTaking] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState<VMSnapshot[]>();
  const [restoring, setRestoring] = useState<VMSnapshot>();

  const mine = useMemo(
    () => (snapshots.data ? snapshotsOfVm(snapshots.data, name) : undefined),
    [snapshots.data, name],
  );
  const byRestore = useMemo(() => restoresBySnapshot(restores.data), [restores.data]);
  const chosen = (mine ?? []).filter((s) => selected.has(nameOf(s)));
  const toggle = (n: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(n);
      else next.delete(n);
      return next;
    });

  const takeButton = (
    <ReasonButton
      id={`vm-${namespace}-${name}-take-snapshot`}
      variant="primary"
      disabledReason={snapshotAction.disabledReason}
      onClick={() => !snapshotAction.disabledReason && setTaking(true)}
    >
      Take snapshot
    </ReasonButton>
  );
  const dialogs = (
    <>
      {taking && <VmActionDialog id="snapshot" vm={vm} vmi={vmi} onClose={() => setTaking(false)} />}
      {deleting && (
        <DeleteSnapshotsModal
          snapshots={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={(names) => setSelected((prev) => new Set([...prev].filter((n) => !names.includes(n))))}
        />
      )}
      {restoring && <RestoreModal vm={vm} snapshot={restoring} onClose={() => setRestoring(undefined)} />}
    </>
  );

  if (snapshots.error && !mine) return <ErrorState title="Cannot load snapshots" error={snapshots.error} reload />;
  if (!mine) return <LoadingState label="Loading snapshots" />;
  if (!mine.length) {
    return (
      <>
        <EmptyStateView title="No snapshots" actions={takeButton}>
          A snapshot keeps {name}&apos;s definition and the disks whose storage supports volume snapshots, to restore
          later or to clone from.
        </EmptyStateView>
        {dialogs}
      </>
    );
  }
  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>{takeButton}</ToolbarItem>
          <ToolbarItem>
            <ReasonButton
              id={`vm-${namespace}-${name}-delete-snapshots`}
              variant="secondary"
              isDanger
              disabledReason={deleteReason ?? (chosen.length ? undefined : 'Select the snapshots to delete')}
              onClick={() => chosen.length && !deleteReason && setDeleting(chosen)}
            >
              {chosen.length ? `Delete (${chosen.length} selected)` : 'Delete'}
            </ReasonButton>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label="Snapshots" variant="compact" id={`vm-${namespace}-${name}-snapshots`}>
        <Thead>
          <Tr>
            <Th screenReaderText="Select" />
            <Th modifier="nowrap">Name</Th>
            <Th modifier="nowrap">Status</Th>
            <Th modifier="nowrap">Created</Th>
            <Th modifier="nowrap">Size</Th>
            <Th modifier="nowrap">Indications</Th>
            <Th modifier="nowrap">Disks</Th>
            <Th modifier="nowrap">Restores</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {mine.map((s) => {
            const n = nameOf(s);
            const size = snapshotSizeBytes(s, contents.data, volumeSnapshots.data);
            return (
              <Tr key={s.metadata?.uid ?? n} id={`snapshot-${namespace}-${n}`}>
                <Td className="pf-v6-c-table__check">
                  <Checkbox
                    id={`snapshot-${namespace}-${n}-select`}
                    aria-label={`Select ${n}`}
                    isChecked={selected.has(n)}
                    onChange={(_e, on) => toggle(n, on)}
                  />
                </Td>
                <Td dataLabel="Name" modifier="nowrap">
                  {n}
                </Td>
                <Td dataLabel="Status">
                  <SnapshotStatusCell snapshot={s} id={`snapshot-${namespace}-${n}-status`} />
                </Td>
                <Td dataLabel="Created" modifier="nowrap">
                  <CellTimestamp value={s.status?.creationTime ?? s.metadata?.creationTimestamp} />
                </Td>
                <Td dataLabel="Size" modifier="nowrap">
                  {size !== undefined ? formatBytes(size) : '-'}
                </Td>
                <Td dataLabel="Indications">
                  <IndicationsCell snapshot={s} />
                </Td>
                <Td dataLabel="Disks">
                  <DisksCell snapshot={s} />
                </Td>
                <Td dataLabel="Restores">
                  <RestoresCell restores={byRestore.get(n)} />
                </Td>
                <Td isActionCell modifier="nowrap">
                  <ReasonButton
                    id={`snapshot-${namespace}-${n}-restore`}
                    variant="secondary"
                    size="sm"
                    aria-label={`Restore ${n}`}
                    disabledReason={restoreAccessReason ?? restoreReason(s)}
                    onClick={() => !(restoreAccessReason ?? restoreReason(s)) && setRestoring(s)}
                  >
                    Restore
                  </ReasonButton>{' '}
                  <ReasonButton
                    id={`snapshot-${namespace}-${n}-delete`}
                    variant="link"
                    isDanger
                    size="sm"
                    aria-label={`Delete ${n}`}
                    disabledReason={deleteReason}
                    onClick={() => !deleteReason && setDeleting([s])}
                  >
                    Delete
                  </ReasonButton>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {dialogs}
    </>
  );
}
