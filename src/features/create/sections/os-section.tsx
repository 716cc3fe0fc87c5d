import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
} from '@patternfly/react-core';
import { FieldHelper, fieldProps, helperId } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { OptionList } from '../form/use-cluster-options';
import type { OsId } from '../model/form-state';
import { OS_PRESETS, describePreset, presetFor } from '../model/presets';

interface Props extends SectionProps {
  preferences: OptionList;
  onChooseOs: (os: OsId) => void;
}

/** The operating system preset and what it set; the preference can be changed on its own. */
export function OsSection({ form, update, errors, preferences, onChooseOs }: Props) {
  const preset = presetFor(form.os);
  const applied = describePreset(preset, form.preference);
  const prefNames = preferences.names ?? [];
  const prefOptions =
    form.preference && !prefNames.includes(form.preference) ? [form.preference, ...prefNames] : prefNames;
  return (
    <FormSection title="Operating system" titleElement="h2">
      <FormGroup label="Operating system" fieldId={fieldDomId('os')}>
        <FormSelect
          id={fieldDomId('os')}
          value={form.os}
          onChange={(_e, v) => onChooseOs(v as OsId)}
          aria-describedby={helperId(fieldDomId('os'))}
        >
          {OS_PRESETS.map((p) => (
            <FormSelectOption key={p.id} value={p.id} label={p.label} />
          ))}
        </FormSelect>
        <FieldHelper
          fieldId={fieldDomId('os')}
          hint={preset.note ?? 'Choosing a system fills in the settings below.'}
        />
      </FormGroup>
      <DescriptionList isCompact isHorizontal aria-label="Settings from the operating system" id="create-vm-os-applied">
        {applied.map((s) => (
          <DescriptionListGroup key={s.label}>
            <DescriptionListTerm>{s.label}</DescriptionListTerm>
            <DescriptionListDescription className="kv-create-wrap">{s.value}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      {form.kind === 'VirtualMachine' && (
        <FormGroup label="Preference" fieldId={fieldDomId('preference')}>
          <FormSelect
            id={fieldDomId('preference')}
            value={form.preference}
            onChange={(_e, v) => update({ preference: v })}
            {...fieldProps(fieldDomId('preference'), errors.preference)}
          >
            <FormSelectOption value="" label="None" />
            {prefOptions.map((n) => (
              <FormSelectOption key={n} value={n} label={n} />
            ))}
          </FormSelect>
          <FieldHelper
            fieldId={fieldDomId('preference')}
            error={errors.preference}
            hint={
              prefNames.length
                ? 'A VirtualMachineClusterPreference: device and topology defaults.'
                : 'This cluster has no VirtualMachineClusterPreferences.'
            }
          />
        </FormGroup>
      )}
    </FormSection>
  );
}
