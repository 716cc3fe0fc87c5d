import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useState } from 'react';
import { disksOf, editDisk, removeDisk, type DiskBus } from '../../../../kubevirt/vm-device-edits';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { EditModal } from './edit-modal';
import { unplugDisk } from './hotplug-requests';

const busOf = (vm: VM, name: string): DiskBus => {
  const d = disksOf(vm).find((x) => x.name === name);
  return ((d?.disk?.bus ?? d?.cdrom?.bus ?? d?.lun?.bus) as DiskBus | undefined) ?? (d?.cdrom ? 'sata' : 'virtio');
};

/** Edit disk: its bus. */
export function EditDiskModal({ vm, name, onClose }: { vm: VM; name: string; onClose: () => void }) {
  const [bus, setBus] = useState<DiskBus>(() => busOf(vm, name));
  return (
    <EditModal
      id="edit-disk"
      title={`Edit disk ${name}`}
      vm={vm}
      build={(base) => editDisk(base, name, { bus })}
      onClose={onClose}
    >
      <FormGroup label="Bus" fieldId="config-edit-disk-bus">
        <FormSelect id="config-edit-disk-bus" value={bus} onChange={(_e, v) => setBus(v as DiskBus)}>
          {['virtio', 'sata', 'scsi'].map((b) => (
            <FormSelectOption key={b} value={b} label={b} />
          ))}
        </FormSelect>
      </FormGroup>
    </EditModal>
  );
}

/** Remove disk: unplugged from the running guest when it was hot-plugged, else removed from the spec. */
export function RemoveDiskModal({
  vm,
  name,
  unplug,
  onClose,
}: {
  vm: VM;
  name: string;
  unplug: boolean;
  onClose: () => void;
}) {
  return (
    <EditModal
      id="remove-disk"
      title={`Remove disk ${name}?`}
      vm={vm}
      variant="small"
      build={(base) => removeDisk(base, name)}
      submit={unplug ? () => unplugDisk(vm, name).then(() => undefined) : undefined}
      saveLabel={unplug ? 'Unplug disk' : 'Remove disk'}
      onClose={onClose}
    >
      <p>
        {unplug
          ? `The disk ${name} is unplugged from the running guest (removevolume). Its volume is kept.`
          : `The disk ${name} and its volume leave the virtual machine's spec; the DataVolume or claim behind it is kept.`}
      </p>
    </EditModal>
  );
}
