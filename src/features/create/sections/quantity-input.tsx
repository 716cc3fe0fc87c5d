import { FormSelect, FormSelectOption, InputGroup, InputGroupItem, TextInput } from '@patternfly/react-core';
import { fieldProps } from '../../../components/form/field-helper';
import type { SizeUnit } from '../model/form-state';

const UNITS: Array<{ value: SizeUnit; label: string }> = [
  { value: 'Mi', label: 'MiB' },
  { value: 'Gi', label: 'GiB' },
];

interface Props {
  id: string;
  label: string;
  value: string;
  unit: SizeUnit;
  error?: string;
  onChange: (value: string, unit: SizeUnit) => void;
}

/** A number and its unit (MiB, GiB); the text is kept as typed so a bad value can be fixed. */
export function QuantityInput({ id, label, value, unit, error, onChange }: Props) {
  return (
    <InputGroup>
      <InputGroupItem isFill>
        <TextInput
          id={id}
          value={value}
          inputMode="decimal"
          onChange={(_e, v) => onChange(v, unit)}
          {...fieldProps(id, error)}
        />
      </InputGroupItem>
      <InputGroupItem>
        <FormSelect
          id={`${id}-unit`}
          aria-label={`${label} unit`}
          value={unit}
          onChange={(_e, u) => onChange(value, u as SizeUnit)}
        >
          {UNITS.map((u) => (
            <FormSelectOption key={u.value} value={u.value} label={u.label} />
          ))}
        </FormSelect>
      </InputGroupItem>
    </InputGroup>
  );
}
