import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { ReasonButton } from '../../../../components/disabled-reason';
import { hotplugStatuses, isHotpluggable } from '../../../../kubevirt/hotplug';
import { disksOf, volumesOf } from '../../../../kubevirt/vm-device-edits';
import { volumeSource } from '../../../../kubevirt/vm-devices';
import type { VM } from '../../../../kubevirt/vm-selectors';
import type { VMI } from '../../../../kubevirt/vmi-selectors';
import { AddDiskModal } from './add-disk-modal';
import { ConfigSection } from './config-section';
import { EditDiskModal, RemoveDiskModal } from './disk-modals';

type Open = { kind: 'add' } | { kind: 'edit' | 'remove'; name: string } | undefined;

/** Disks with their source and hot-plug state; add (hot-plugged when running), edit the bus, remove. */
export function DisksSection({ vm, vmi, readOnly }: { vm: VM; vmi?: VMI; readOnly?: string }) {
  const [open, setOpen] = useState<Open>();
  const running = Boolean(vmi && !['Succeeded', 'Failed'].includes(vmi.status?.phase ?? ''));
  const statuses = hotplugStatuses(vmi);
  const volumes = volumesOf(vm);
  const add = (
    <ReasonButton
      key="add"
      id="config-disks-add"
      variant="secondary"
      onClick={readOnly ? undefined : () => setOpen({ kind: 'add' })}
      disabledReason={readOnly}
    >
      Add disk
    </ReasonButton>
  );
  return (
    <ConfigSection id="disks" title="Disks" actions={add}>
      <Table aria-label="Disks configuration" variant="compact">
        <Thead>
          <Tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Bus</Th>
            <Th>Source</Th>
            <Th>Hot-plug</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {disksOf(vm).map((d) => {
            const volume = volumes.find((v) => v.name === d.name);
            const source = volumeSource(volume);
            const hot = statuses.get(d.name);
            const pluggable = isHotpluggable(volume as Record<string, unknown> | undefined);
            const kind = d.cdrom ? 'cdrom' : d.lun ? 'lun' : 'disk';
            return (
              <Tr key={d.name} id={`config-disk-${d.name}`}>
                <Td dataLabel="Name">{d.name}</Td>
                <Td dataLabel="Type">{kind}</Td>
                <Td dataLabel="Bus">
                  {d.disk?.bus ?? d.cdrom?.bus ?? d.lun?.bus ?? (kind === 'cdrom' ? 'sata' : 'virtio')}
                </Td>
                <Td dataLabel="Source" modifier="breakWord">
                  {source.type}
                  {source.ref ? ` ${source.ref}` : ''}
                </Td>
                <Td dataLabel="Hot-plug" id={`config-disk-${d.name}-hotplug`}>
                  {hot ? (
                    <Label isCompact color={hot.phase === 'Ready' ? 'green' : 'blue'} title={hot.message}>
                      {hot.phase}
                      {hot.target ? ` (${hot.target})` : ''}
                    </Label>
                  ) : pluggable ? (
                    running ? (
                      'Pending'
                    ) : (
                      'Hot-pluggable'
                    )
                  ) : (
                    '-'
                  )}
                </Td>
                <Td isActionCell modifier="nowrap">
                  <ReasonButton
                    variant="link"
                    isInline
                    aria-label={`Edit disk ${d.name}`}
                    onClick={readOnly ? undefined : () => setOpen({ kind: 'edit', name: d.name })}
                    disabledReason={readOnly}
                  >
                    Edit
                  </ReasonButton>{' '}
                  <ReasonButton
                    variant="link"
                    isInline
                    isDanger
                    aria-label={`Remove disk ${d.name}`}
                    onClick={readOnly ? undefined : () => setOpen({ kind: 'remove', name: d.name })}
                    disabledReason={readOnly}
                  >
                    Remove
                  </ReasonButton>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {!disksOf(vm).length && <p className="kv-subtle">No disks.</p>}
      {open?.kind === 'add' && <AddDiskModal vm={vm} running={running} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'edit' && <EditDiskModal vm={vm} name={open.name} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'remove' && (
        <RemoveDiskModal
          vm={vm}
          name={open.name}
          unplug={
            running && isHotpluggable(volumes.find((v) => v.name === open.name) as Record<string, unknown> | undefined)
          }
          onClose={() => setOpen(undefined)}
        />
      )}
    </ConfigSection>
  );
}
