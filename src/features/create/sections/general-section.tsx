import { FormGroup, FormSection, FormSelect, FormSelectOption, Radio, TextInput } from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { OptionList } from '../form/use-cluster-options';
import type { WorkloadKind } from '../model/form-state';

const KINDS: Array<{ value: WorkloadKind; label: string; description: string }> = [
  {
    value: 'VirtualMachine',
    label: 'VirtualMachine',
    description: 'Persistent: can be stopped and started again, keeps its disks.',
  },
  {
    value: 'VirtualMachineInstance',
    label: 'VirtualMachineInstance',
    description: 'Non-persistent: runs once from a container disk and is gone when it stops.',
  },
];

interface Props extends SectionProps {
  namespaces: OptionList;
}

export function GeneralSection({ form, update, errors, namespaces }: Props) {
  const nsOptions =
    namespaces.names?.includes(form.namespace) || !form.namespace
      ? (namespaces.names ?? [])
      : [form.namespace, ...(namespaces.names ?? [])];
  const nameError = errors.name;
  return (
    <FormSection title="General" titleElement="h2">
      <FormGroup role="radiogroup" label="Type" fieldId={fieldDomId('kind')} isInline isStack>
        {KINDS.map((k) => (
          <Radio
            key={k.value}
            id={`create-vm-kind-${k.value}`}
            name="create-vm-kind"
            label={k.label}
            description={k.description}
            isChecked={form.kind === k.value}
            onChange={() => update({ kind: k.value })}
          />
        ))}
      </FormGroup>
      <FormGroup label="Namespace" fieldId={fieldDomId('namespace')} isRequired>
        <FormSelect
          id={fieldDomId('namespace')}
          value={form.namespace}
          onChange={(_e, v) => update({ namespace: v })}
          {...fieldProps(fieldDomId('namespace'), errors.namespace)}
        >
          {!form.namespace && <FormSelectOption value="" label="Choose a namespace" isPlaceholder />}
          {nsOptions.map((n) => (
            <FormSelectOption key={n} value={n} label={n} />
          ))}
        </FormSelect>
        <FieldHelper
          fieldId={fieldDomId('namespace')}
          error={errors.namespace}
          warning={namespaces.error ? `Cannot list namespaces: ${namespaces.error.message}` : undefined}
        />
      </FormGroup>
      <FormGroup label="Name" fieldId={fieldDomId('name')} isRequired>
        <TextInput
          id={fieldDomId('name')}
          value={form.name}
          onChange={(_e, v) => update({ name: v })}
          {...fieldProps(fieldDomId('name'), nameError)}
          autoComplete="off"
          spellCheck={false}
        />
        <FieldHelper
          fieldId={fieldDomId('name')}
          error={nameError}
          hint="Lower case letters, digits and '-'; at most 63 characters."
        />
      </FormGroup>
    </FormSection>
  );
}
