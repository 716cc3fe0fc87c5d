import { FormGroup, FormSection, FormSelect, FormSelectOption, Radio, TextInput } from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { InstancetypeOption } from '../form/use-cluster-options';
import { QuantityInput } from './quantity-input';

interface Props extends SectionProps {
  instancetypes: InstancetypeOption[];
}

/** CPU cores and memory, or an instance type when the cluster has any (VMs only). */
export function SizingSection({ form, update, errors, instancetypes }: Props) {
  const offerTypes = form.kind === 'VirtualMachine' && (instancetypes.length > 0 || form.sizing === 'instancetype');
  const byType = offerTypes && form.sizing === 'instancetype';
  return (
    <FormSection title="CPU and memory" titleElement="h2">
      {offerTypes && (
        <FormGroup role="radiogroup" label="Sizing" fieldId={fieldDomId('sizing')} isInline>
          <Radio
            id="create-vm-sizing-custom"
            name="create-vm-sizing"
            label="CPU and memory"
            isChecked={!byType}
            onChange={() => update({ sizing: 'custom' })}
          />
          <Radio
            id="create-vm-sizing-instancetype"
            name="create-vm-sizing"
            label="Instance type"
            isChecked={byType}
            onChange={() => update({ sizing: 'instancetype' })}
          />
        </FormGroup>
      )}
      {byType ? (
        <FormGroup label="Instance type" fieldId={fieldDomId('instancetype')} isRequired>
          <FormSelect
            id={fieldDomId('instancetype')}
            value={form.instancetype}
            onChange={(_e, v) => update({ instancetype: v })}
            {...fieldProps(fieldDomId('instancetype'), errors.instancetype)}
          >
            <FormSelectOption value="" label="Choose an instance type" isPlaceholder />
            {instancetypes.map((t) => (
              <FormSelectOption key={t.value} value={t.value} label={t.label} />
            ))}
          </FormSelect>
          <FieldHelper
            fieldId={fieldDomId('instancetype')}
            error={errors.instancetype}
            hint="The instance type sets the CPU and memory."
          />
        </FormGroup>
      ) : (
        <>
          <FormGroup label="CPU cores" fieldId={fieldDomId('cores')} isRequired>
            <TextInput
              id={fieldDomId('cores')}
              value={form.cores}
              inputMode="numeric"
              onChange={(_e, v) => update({ cores: v })}
              {...fieldProps(fieldDomId('cores'), errors.cores)}
            />
            <FieldHelper fieldId={fieldDomId('cores')} error={errors.cores} />
          </FormGroup>
          <FormGroup label="Memory" fieldId={fieldDomId('memory')} isRequired>
            <QuantityInput
              id={fieldDomId('memory')}
              label="Memory"
              value={form.memory}
              unit={form.memoryUnit}
              error={errors.memory}
              onChange={(memory, memoryUnit) => update({ memory, memoryUnit })}
            />
            <FieldHelper fieldId={fieldDomId('memory')} error={errors.memory} />
          </FormGroup>
        </>
      )}
    </FormSection>
  );
}
