import { Alert, FormGroup, Label, LabelGroup, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { describeError } from '../../../components/error-details';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { isAlreadyExists, placeStatusCauses } from '../../../components/form/status-causes';
import { isK8sError } from '../../../k8s/k8s-error';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { VirtualMachineSnapshotModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import {
  generateSnapshotName,
  onlineSnapshotMode,
  snapshotIndications,
  snapshotMessage,
  snapshotState,
  snapshotVolumes,
  type OnlineSnapshotMode,
} from '../../../kubevirt/snapshot-rules';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { validateDnsSubdomain } from '../../../lib/k8s-names';
import { createVmSnapshot } from '../actions/vm-requests';
import { OperationModal } from './operation-modal';
import { OperationStatus } from './operation-status';
import { SnapshotVolumesList } from './snapshot-volumes-list';

const ONLINE_NOTES: Record<Exclude<OnlineSnapshotMode, 'offline'>, { title: string; text: string }> = {
  'guest-agent': {
    title: 'Online snapshot with the guest agent',
    text: 'The virtual machine is running and its guest agent is connected: KubeVirt freezes the guest file systems while the disks are snapshotted, then thaws them.',
  },
  'no-guest-agent': {
    title: 'Online snapshot without a guest agent',
    text: 'The virtual machine is running with no guest agent connected: its file systems cannot be frozen, so the snapshot is crash-consistent only.',
  },
  paused: {
    title: 'Snapshot of a paused virtual machine',
    text: 'The virtual machine is paused: KubeVirt takes the snapshot without freezing the file systems (crash-consistent).',
  },
};

/** Follows the snapshot the dialog created, live, until it is ready or fails. */
function SnapshotProgress({ name, namespace }: { name: string; namespace: string }) {
  const { data: snapshot, error } = useK8sGet(VirtualMachineSnapshotModel, name, namespace);
  if (!snapshot) {
    return error ? (
      <OperationStatus id="take-snapshot-status" state="failed" title="Cannot follow the snapshot">
        {describeError(error).message}
      </OperationStatus>
    ) : (
      <OperationStatus id="take-snapshot-status" state="progressing" title={`Snapshot ${name} created`} />
    );
  }
  const state = snapshotState(snapshot);
  const message = snapshotMessage(snapshot);
  const indications = snapshotIndications(snapshot);
  const opState = state === 'ready' ? 'succeeded' : state === 'failed' ? 'failed' : 'progressing';
  const title =
    state === 'ready'
      ? `Snapshot ${name} is ready`
      : state === 'failed'
        ? `Snapshot ${name} failed`
        : `Snapshot ${name}: ${snapshot.status?.phase || 'Pending'}`;
  return (
    <OperationStatus id="take-snapshot-status" state={opState} title={title} message={message}>
      {indications.length > 0 && (
        <LabelGroup aria-label="Indications">
          {indications.map((i) => (
            <Label key={i.indication} isCompact title={i.message}>
              {i.indication}
            </Label>
          ))}
        </LabelGroup>
      )}
    </OperationStatus>
  );
}

/** "Take snapshot": a generated, editable name, the disks it takes and leaves out, then its progress. */
export function TakeSnapshotModal({ vm, vmi, onClose }: { vm: VM; vmi?: VMI; onClose: () => void }) {
  const [name, setName] = useState(() => generateSnapshotName(nameOf(vm)));
  const [created, setCreated] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [nameError, setNameError] = useState<string>();
  const mode = onlineSnapshotMode(vmi);
  const note = mode === 'offline' ? undefined : ONLINE_NOTES[mode];
  const invalid = validateDnsSubdomain(name);
  const shownNameError = nameError ?? (name ? invalid : undefined);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    setNameError(undefined);
    try {
      await createVmSnapshot(vm, name);
      setCreated(name);
    } catch (e) {
      if (isK8sError(e)) {
        if (isAlreadyExists(e.status)) setNameError(e.message);
        else setNameError(placeStatusCauses(e.status, (p) => (p === 'metadata.name' ? 'name' : undefined)).fields.name);
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <OperationModal
      id="take-snapshot"
      title="Take snapshot"
      of={nameOf(vm)}
      submitLabel="Take snapshot"
      busy={busy}
      invalid={Boolean(invalid)}
      progress={created ? <SnapshotProgress name={created} namespace={namespaceOf(vm)} /> : undefined}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <FormGroup label="Snapshot name" isRequired fieldId="take-snapshot-name">
        <TextInput
          id="take-snapshot-name"
          value={name}
          isRequired
          onChange={(_e, v) => {
            setName(v);
            setNameError(undefined);
          }}
          {...fieldProps('take-snapshot-name', shownNameError)}
        />
        <FieldHelper fieldId="take-snapshot-name" error={shownNameError} hint="Generated; you can change it." />
      </FormGroup>
      {note && (
        <Alert variant="info" isInline title={note.title} id="take-snapshot-online">
          {note.text}
        </Alert>
      )}
      <SnapshotVolumesList id="take-snapshot-disks" volumes={snapshotVolumes(vm)} />
      {error !== undefined && (
        <Alert variant="danger" isInline title="The snapshot was not created" id="take-snapshot-error">
          {describeError(error).message}
        </Alert>
      )}
    </OperationModal>
  );
}
