import { FormGroup, FormSection, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { OptionList } from '../form/use-cluster-options';

interface Props extends SectionProps {
  nads: OptionList;
}

/** The pod network (masquerade) always; a NetworkAttachmentDefinition as a second NIC when there is one. */
export function NetworkSection({ form, update, errors, nads }: Props) {
  const names = nads.names ?? [];
  const options =
    form.secondaryNetwork && !names.includes(form.secondaryNetwork) ? [form.secondaryNetwork, ...names] : names;
  return (
    <FormSection title="Network" titleElement="h2">
      <FormGroup label="Secondary network" fieldId={fieldDomId('secondaryNetwork')}>
        <FormSelect
          id={fieldDomId('secondaryNetwork')}
          value={form.secondaryNetwork}
          onChange={(_e, v) => update({ secondaryNetwork: v })}
          isDisabled={!options.length}
          {...fieldProps(fieldDomId('secondaryNetwork'), errors.secondaryNetwork)}
        >
          <FormSelectOption value="" label="None: pod network only" />
          {options.map((n) => (
            <FormSelectOption key={n} value={n} label={`${n} (bridge)`} />
          ))}
        </FormSelect>
        <FieldHelper
          fieldId={fieldDomId('secondaryNetwork')}
          error={errors.secondaryNetwork}
          hint={
            options.length
              ? 'The VM is on the pod network (masquerade); a NetworkAttachmentDefinition adds a bridged NIC.'
              : 'The VM is on the pod network (masquerade). No NetworkAttachmentDefinitions in this namespace.'
          }
        />
      </FormGroup>
    </FormSection>
  );
}
