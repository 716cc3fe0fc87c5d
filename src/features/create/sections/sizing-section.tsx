import { FormGroup, FormSection, TextInput } from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import { QuantityInput } from './quantity-input';

/** The custom path's CPU cores and memory (the instance type path has its catalog instead). */
export function SizingSection({ form, update, errors }: SectionProps) {
  return (
    <FormSection title="CPU and memory" titleElement="h2">
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
    </FormSection>
  );
}
