import { FormGroup, Grid, GridItem, List, ListComponent, ListItem, OrderType, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { FieldHelper, fieldProps } from '../../../../components/form/field-helper';
import { disksOf, interfacesOf, setBootOrder } from '../../../../kubevirt/vm-device-edits';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

interface Device {
  key: string;
  label: string;
  bootOrder?: number;
}

const devicesOf = (vm: VM): Device[] => [
  ...disksOf(vm).map((d) => ({ key: `disk/${d.name}`, label: `Disk ${d.name}`, bootOrder: d.bootOrder })),
  ...interfacesOf(vm).map((i) => ({
    key: `nic/${i.name}`,
    label: `Network interface ${i.name}`,
    bootOrder: i.bootOrder,
  })),
];

function BootOrderModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const devices = devicesOf(vm);
  const [order, setOrder] = useState<Record<string, string>>(() =>
    Object.fromEntries(devices.map((d) => [d.key, d.bootOrder === undefined ? '' : String(d.bootOrder)])),
  );
  const errorOf = (key: string): string | undefined => {
    const v = order[key]?.trim() ?? '';
    if (!v) return undefined;
    if (!/^[1-9]\d{0,3}$/.test(v)) return 'A whole number from 1, or empty';
    return Object.entries(order).some(([k, o]) => k !== key && o.trim() === v)
      ? 'Another device has this order'
      : undefined;
  };
  const build = (base: VM) => {
    if (devices.some((d) => errorOf(d.key))) return 'Correct the marked fields first.';
    const parsed = Object.fromEntries(Object.entries(order).map(([k, v]) => [k, v.trim() ? Number(v) : undefined]));
    return setBootOrder(base, parsed);
  };
  return (
    <EditModal id="boot-order" title="Edit boot order" vm={vm} build={build} onClose={onClose}>
      <p>The firmware tries devices from the lowest number up; a device without one is not booted from.</p>
      <Grid hasGutter>
        {devices.map((d) => {
          const fieldId = `config-boot-${d.key.replace('/', '-')}`;
          const error = errorOf(d.key);
          return (
            <GridItem span={6} key={d.key}>
              <FormGroup label={`Boot order of ${d.label}`} fieldId={fieldId}>
                <TextInput
                  id={fieldId}
                  type="number"
                  min={1}
                  value={order[d.key] ?? ''}
                  onChange={(_e, v) => setOrder((o) => ({ ...o, [d.key]: v }))}
                  {...fieldProps(fieldId, error)}
                />
                <FieldHelper fieldId={fieldId} error={error} />
              </FormGroup>
            </GridItem>
          );
        })}
      </Grid>
    </EditModal>
  );
}

/** The devices the VM boots from, in order. */
export function BootOrderSection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const ordered = devicesOf(vm)
    .filter((d) => d.bootOrder !== undefined)
    .sort((a, b) => (a.bootOrder ?? 0) - (b.bootOrder ?? 0));
  return (
    <ConfigSection id="boot-order" title="Boot order" onEdit={() => setOpen(true)} editDisabledReason={readOnly}>
      {ordered.length ? (
        <List component={ListComponent.ol} type={OrderType.number} aria-label="Boot order" id="config-boot-order-list">
          {ordered.map((d) => (
            <ListItem key={d.key}>{d.label}</ListItem>
          ))}
        </List>
      ) : (
        <p id="config-boot-order-list">No boot order set: the first disk boots.</p>
      )}
      {open && <BootOrderModal vm={vm} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
