import { Alert, FormGroup, FormSelect, FormSelectOption, Radio, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { FieldHelper, fieldProps } from '../../../../components/form/field-helper';
import { nameOf, namespaceOf } from '../../../../k8s/meta';
import { PersistentVolumeClaimModel } from '../../../../k8s/models';
import { useK8sList } from '../../../../k8s/watch/use-k8s-list';
import { addDisk, disksOf, type DiskBus, type NewDisk } from '../../../../kubevirt/vm-device-edits';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { validateDnsLabel } from '../../../../lib/k8s-names';
import { parseQuantity } from '../../../../lib/quantity';
import { EditModal } from './edit-modal';
import { hotplugDisk } from './hotplug-requests';

const nextName = (vm: VM): string => {
  const taken = new Set(disksOf(vm).map((d) => d.name));
  for (let i = 1; ; i++) if (!taken.has(`disk-${i}`)) return `disk-${i}`;
};

/**
 * Add disk: a blank disk (a new DataVolume) or an existing claim. A running VM gets it
 * hot-plugged (addvolume, SCSI or virtio bus); a stopped one gets it in its spec.
 */
export function AddDiskModal({ vm, running, onClose }: { vm: VM; running: boolean; onClose: () => void }) {
  const pvcs = useK8sList(PersistentVolumeClaimModel, { namespace: namespaceOf(vm) });
  const [name, setName] = useState(() => nextName(vm));
  const [sourceType, setSourceType] = useState<'blank' | 'pvc'>('blank');
  const [size, setSize] = useState('1Gi');
  const [claim, setClaim] = useState('');
  const [bus, setBus] = useState<DiskBus>(running ? 'scsi' : 'virtio');
  const nameError =
    validateDnsLabel(name) ?? (disksOf(vm).some((d) => d.name === name) ? 'A disk has this name already' : undefined);
  const sizeError = (parseQuantity(size) ?? 0) > 0 ? undefined : 'A quantity such as 1Gi';
  const claimError = sourceType === 'pvc' && !claim ? 'Pick a claim' : undefined;
  const problem = nameError || (sourceType === 'blank' ? sizeError : claimError);
  const disk = (): NewDisk => ({
    name,
    bus,
    source: sourceType === 'blank' ? { type: 'blank', size: size.trim() } : { type: 'pvc', claimName: claim },
  });
  const submit = running
    ? async () => {
        if (problem) throw new Error('Correct the marked fields first.');
        await hotplugDisk(vm, disk());
      }
    : undefined;
  return (
    <EditModal
      id="add-disk"
      title="Add disk"
      vm={vm}
      build={(base) => (problem ? 'Correct the marked fields first.' : addDisk(base, disk()))}
      submit={submit}
      saveLabel={running ? 'Hot-plug disk' : 'Add disk'}
      onClose={onClose}
    >
      {running && (
        <Alert
          variant="info"
          isInline
          title="The disk is hot-plugged into the running guest"
          id="config-add-disk-hotplug"
        >
          KubeVirt attaches it through the addvolume subresource; its progress shows in the disk list.
        </Alert>
      )}
      <FormGroup label="Disk name" fieldId="config-disk-name" isRequired>
        <TextInput
          id="config-disk-name"
          value={name}
          onChange={(_e, v) => setName(v)}
          {...fieldProps('config-disk-name', nameError)}
        />
        <FieldHelper fieldId="config-disk-name" error={nameError} />
      </FormGroup>
      <FormGroup label="Source" role="radiogroup" fieldId="config-disk-source" isInline>
        <Radio
          id="config-disk-blank"
          name="config-disk-source"
          label="Blank disk"
          isChecked={sourceType === 'blank'}
          onChange={() => setSourceType('blank')}
        />
        <Radio
          id="config-disk-pvc"
          name="config-disk-source"
          label="Existing claim"
          isChecked={sourceType === 'pvc'}
          onChange={() => setSourceType('pvc')}
        />
      </FormGroup>
      {sourceType === 'blank' ? (
        <FormGroup label="Size" fieldId="config-disk-size" isRequired>
          <TextInput
            id="config-disk-size"
            value={size}
            onChange={(_e, v) => setSize(v)}
            {...fieldProps('config-disk-size', sizeError)}
          />
          <FieldHelper fieldId="config-disk-size" error={sizeError} hint="A new blank DataVolume of this size." />
        </FormGroup>
      ) : (
        <FormGroup label="Claim" fieldId="config-disk-claim" isRequired>
          <FormSelect
            id="config-disk-claim"
            value={claim}
            onChange={(_e, v) => setClaim(v)}
            {...fieldProps('config-disk-claim', claimError)}
          >
            <FormSelectOption value="" label="Pick a claim" isPlaceholder />
            {(pvcs.data ?? []).map((p) => (
              <FormSelectOption key={nameOf(p)} value={nameOf(p)} label={nameOf(p)} />
            ))}
          </FormSelect>
          <FieldHelper fieldId="config-disk-claim" error={claimError} />
        </FormGroup>
      )}
      <FormGroup label="Bus" fieldId="config-disk-bus">
        <FormSelect id="config-disk-bus" value={bus} onChange={(_e, v) => setBus(v as DiskBus)}>
          {(running ? ['scsi', 'virtio'] : ['virtio', 'sata', 'scsi']).map((b) => (
            <FormSelectOption key={b} value={b} label={b} />
          ))}
        </FormSelect>
      </FormGroup>
    </EditModal>
  );
}
