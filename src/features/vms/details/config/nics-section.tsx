import { FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { ReasonButton } from '../../../../components/disabled-reason';
import { FieldHelper, fieldProps } from '../../../../components/form/field-helper';
import {
  addNic,
  editNic,
  interfacesOf,
  nicSpecOf,
  removeNic,
  type NicBinding,
  type NicSpec,
} from '../../../../kubevirt/vm-device-edits';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { validateDnsLabel } from '../../../../lib/k8s-names';
import { ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;

function NicModal({ vm, name, onClose }: { vm: VM; name?: string; onClose: () => void }) {
  const taken = interfacesOf(vm).map((i) => i.name);
  const [spec, setSpec] = useState<NicSpec>(() =>
    name ? nicSpecOf(vm, name) : { name: `nic-${taken.length + 1}`, model: 'virtio', binding: 'bridge', network: '' },
  );
  const set = (change: Partial<NicSpec>) => setSpec((s) => ({ ...s, ...change }));
  const nameError = name
    ? undefined
    : (validateDnsLabel(spec.name) ?? (taken.includes(spec.name) ? 'An interface has this name already' : undefined));
  const macError =
    spec.macAddress && !MAC.test(spec.macAddress) ? 'A MAC address such as 02:00:00:00:00:01' : undefined;
  const build = (base: VM) => {
    if (nameError || macError) return 'Correct the marked fields first.';
    return name ? editNic(base, spec) : addNic(base, spec);
  };
  const id = name ? 'edit-nic' : 'add-nic';
  return (
    <EditModal
      id={id}
      title={name ? `Edit network interface ${name}` : 'Add network interface'}
      vm={vm}
      build={build}
      onClose={onClose}
    >
      {!name && (
        <FormGroup label="Interface name" fieldId="config-nic-name" isRequired>
          <TextInput
            id="config-nic-name"
            value={spec.name}
            onChange={(_e, v) => set({ name: v })}
            {...fieldProps('config-nic-name', nameError)}
          />
          <FieldHelper fieldId="config-nic-name" error={nameError} />
        </FormGroup>
      )}
      <FormGroup label="Network" fieldId="config-nic-network">
        <TextInput
          id="config-nic-network"
          value={spec.network}
          placeholder="Pod network"
          onChange={(_e, v) => set({ network: v.trim() })}
          aria-describedby="config-nic-network-helper"
        />
        <FieldHelper
          fieldId="config-nic-network"
          hint="Empty: the pod network; else a NetworkAttachmentDefinition (name or namespace/name)."
        />
      </FormGroup>
      <FormGroup label="Binding" fieldId="config-nic-binding">
        <FormSelect
          id="config-nic-binding"
          value={spec.binding}
          onChange={(_e, v) => set({ binding: v as NicBinding })}
        >
          <FormSelectOption value="masquerade" label="masquerade" />
          <FormSelectOption value="bridge" label="bridge" />
        </FormSelect>
      </FormGroup>
      <FormGroup label="Model" fieldId="config-nic-model">
        <FormSelect id="config-nic-model" value={spec.model} onChange={(_e, v) => set({ model: v })}>
          {['virtio', 'e1000e', 'e1000', 'rtl8139'].map((m) => (
            <FormSelectOption key={m} value={m} label={m} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label="MAC address" fieldId="config-nic-mac">
        <TextInput
          id="config-nic-mac"
          value={spec.macAddress ?? ''}
          onChange={(_e, v) => set({ macAddress: v.trim() || undefined })}
          {...fieldProps('config-nic-mac', macError)}
        />
        <FieldHelper fieldId="config-nic-mac" error={macError} hint="Empty: assigned by the cluster." />
      </FormGroup>
    </EditModal>
  );
}

type Open = { kind: 'add' } | { kind: 'edit' | 'remove'; name: string } | undefined;

/** Network interfaces and their networks: add, edit, remove (a running VM shows what needs a restart). */
export function NicsSection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);
  const add = (
    <ReasonButton
      key="add"
      id="config-nics-add"
      variant="secondary"
      onClick={readOnly ? undefined : () => setOpen({ kind: 'add' })}
      disabledReason={readOnly}
    >
      Add network interface
    </ReasonButton>
  );
  return (
    <ConfigSection id="nics" title="Network interfaces" actions={add}>
      <Table aria-label="Network interfaces configuration" variant="compact">
        <Thead>
          <Tr>
            <Th>Name</Th>
            <Th>Network</Th>
            <Th>Binding</Th>
            <Th>Model</Th>
            <Th>MAC address</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {interfacesOf(vm).map((i) => {
            const spec = nicSpecOf(vm, i.name);
            return (
              <Tr key={i.name} id={`config-nic-${i.name}`}>
                <Td dataLabel="Name">{i.name}</Td>
                <Td dataLabel="Network">{spec.network || 'Pod network'}</Td>
                <Td dataLabel="Binding">{spec.binding}</Td>
                <Td dataLabel="Model">{spec.model}</Td>
                <Td dataLabel="MAC address">{spec.macAddress ?? '-'}</Td>
                <Td isActionCell modifier="nowrap">
                  <ReasonButton
                    variant="link"
                    isInline
                    aria-label={`Edit network interface ${i.name}`}
                    onClick={readOnly ? undefined : () => setOpen({ kind: 'edit', name: i.name })}
                    disabledReason={readOnly}
                  >
                    Edit
                  </ReasonButton>{' '}
                  <ReasonButton
                    variant="link"
                    isInline
                    isDanger
                    aria-label={`Remove network interface ${i.name}`}
                    onClick={readOnly ? undefined : () => setOpen({ kind: 'remove', name: i.name })}
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
      {!interfacesOf(vm).length && <p className="kv-subtle">No network interfaces.</p>}
      {open?.kind === 'add' && <NicModal vm={vm} onClose={close} />}
      {open?.kind === 'edit' && <NicModal vm={vm} name={open.name} onClose={close} />}
      {open?.kind === 'remove' && (
        <EditModal
          id="remove-nic"
          title={`Remove network interface ${open.name}?`}
          vm={vm}
          variant="small"
          build={(base) => removeNic(base, open.name)}
          saveLabel="Remove network interface"
          onClose={close}
        >
          <p>The interface {open.name} and its network leave the virtual machine&apos;s spec.</p>
        </EditModal>
      )}
    </ConfigSection>
  );
}
