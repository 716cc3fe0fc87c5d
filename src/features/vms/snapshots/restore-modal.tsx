import {
  Alert,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { describeError } from '../../../components/error-details';
import { ReasonButton } from '../../../components/disabled-reason';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { k8sCreate } from '../../../k8s/client';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { VirtualMachineRestoreModel } from '../../../k8s/snapshot-models';
import { generateRestoreName, restoreManifest } from '../../../kubevirt/restore-clone-rules';
import type { VMSnapshot } from '../../../kubevirt/snapshot-rules';
import type { VM } from '../../../kubevirt/vm-selectors';
import { vmPrintableStatus } from '../../../kubevirt/vm-selectors';
import { randomNameSuffix, validateDnsLabel } from '../../../lib/k8s-names';
import { putVmSubresource } from '../actions/vm-requests';
import { RestoreProgress } from './restore-progress';

/** The VM is stopped for KubeVirt's restore (no instance left). */
const isStopped = (vm: VM): boolean => vmPrintableStatus(vm) === 'Stopped' && !vm.status?.created;

/** Restore a snapshot onto its VM (which must be stopped; offered here) or into a new VM. */
export function RestoreModal({ vm, snapshot, onClose }: { vm: VM; snapshot: VMSnapshot; onClose: () => void }) {
  const [target, setTarget] = useState<'same' | 'new'>('same');
  const [newName, setNewName] = useState(() => `${nameOf(vm).slice(0, 48)}-restore-${randomNameSuffix()}`);
  const [created, setCreated] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<unknown>();
  const stopped = isStopped(vm);
  const nameError = target === 'new' ? validateDnsLabel(newName) : undefined;
  const volumes = snapshot.status?.snapshotVolumes?.includedVolumes ?? [];
  const blocked =
    target === 'same' && !stopped
      ? `${nameOf(vm)} is ${vmPrintableStatus(vm).toLowerCase()}: stop it first`
      : (nameError ?? undefined);

  const stop = async () => {
    setStopping(true);
    setError(undefined);
    try {
      await putVmSubresource(vm, 'stop');
    } catch (e) {
      setError(e);
      setStopping(false);
    }
  };

  const submit = async () => {
    if (blocked || busy) return;
    setBusy(true);
    setError(undefined);
    const name = generateRestoreName(nameOf(snapshot), randomNameSuffix());
    try {
      await k8sCreate(
        VirtualMachineRestoreModel,
        restoreManifest(snapshot, name, target === 'new' ? newName : undefined),
        {
          namespace: namespaceOf(snapshot),
        },
      );
      setCreated(name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen onClose={onClose} variant="medium" aria-labelledby="restore-snapshot-title">
      <ModalHeader title="Restore snapshot" labelId="restore-snapshot-title" description={nameOf(snapshot)} />
      <ModalBody>
        {created ? (
          <RestoreProgress name={created} namespace={namespaceOf(snapshot)} />
        ) : (
          <Form
            id="restore-snapshot-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <FormGroup role="radiogroup" isStack fieldId="restore-target" label="Restore to">
              <Radio
                id="restore-target-same"
                name="restore-target"
                label={`This virtual machine (${nameOf(vm)})`}
                description={
                  volumes.length
                    ? `The disks in the snapshot (${volumes.join(', ')}) are replaced by new ones made from it, and the definition by the snapshot's.`
                    : "Its definition is replaced by the snapshot's."
                }
                isChecked={target === 'same'}
                onChange={() => setTarget('same')}
              />
              <Radio
                id="restore-target-new"
                name="restore-target"
                label="A new virtual machine"
                description="KubeVirt creates it from the snapshot; this virtual machine is left as it is."
                isChecked={target === 'new'}
                onChange={() => setTarget('new')}
              />
            </FormGroup>
            {target === 'new' && (
              <FormGroup label="Name of the new virtual machine" isRequired fieldId="restore-new-name">
                <TextInput
                  id="restore-new-name"
                  value={newName}
                  isRequired
                  onChange={(_e, v) => setNewName(v)}
                  {...fieldProps('restore-new-name', newName ? nameError : undefined)}
                />
                <FieldHelper fieldId="restore-new-name" error={newName ? nameError : undefined} />
              </FormGroup>
            )}
            {target === 'same' && !stopped && (
              <Alert
                variant="warning"
                isInline
                id="restore-stop-first"
                title={`${nameOf(vm)} must be stopped`}
                actionLinks={
                  <Button
                    variant="secondary"
                    id="restore-stop-vm"
                    isLoading={stopping}
                    isDisabled={stopping}
                    onClick={() => void stop()}
                  >
                    {stopping ? `Stopping ${nameOf(vm)}` : `Stop ${nameOf(vm)}`}
                  </Button>
                }
              >
                KubeVirt restores a virtual machine only while it is stopped: the restore replaces the disks the guest
                is using.
              </Alert>
            )}
            {error !== undefined && (
              <Alert variant="danger" isInline title="The restore did not start" id="restore-error">
                {describeError(error).message}
              </Alert>
            )}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        {created ? (
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        ) : (
          <>
            <ReasonButton
              variant="primary"
              type="submit"
              form="restore-snapshot-form"
              id="restore-submit"
              isLoading={busy}
              disabledReason={busy ? 'Sending the restore…' : blocked}
            >
              Restore
            </ReasonButton>
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
}
