import {
  Checkbox,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import { RUN_STRATEGIES, effectiveRunStrategy, type RunStrategy } from '../model/form-state';

const STRATEGY_HINTS: Record<RunStrategy, string> = {
  Always: 'Always running: restarted whenever it stops.',
  RerunOnFailure: 'Restarted only when it fails.',
  Manual: 'Started and stopped only on request.',
  Once: 'Runs once; not restarted.',
};

/** Run strategy and "Start this VM after creation" (VMs only); labels and a description. */
export function RunSection({ form, update, errors }: SectionProps) {
  const vm = form.kind === 'VirtualMachine';
  return (
    <FormSection title="Run and metadata" titleElement="h2">
      {vm && (
        <>
          <FormGroup label="Run strategy" fieldId={fieldDomId('runStrategy')}>
            <FormSelect
              id={fieldDomId('runStrategy')}
              value={form.runStrategy}
              onChange={(_e, v) => update({ runStrategy: v as RunStrategy })}
              {...fieldProps(fieldDomId('runStrategy'), errors.runStrategy)}
            >
              {RUN_STRATEGIES.map((s) => (
                <FormSelectOption key={s} value={s} label={s} />
              ))}
            </FormSelect>
            <FieldHelper
              fieldId={fieldDomId('runStrategy')}
              error={errors.runStrategy}
              hint={STRATEGY_HINTS[form.runStrategy]}
            />
          </FormGroup>
          <FormGroup fieldId={fieldDomId('startAfterCreate')}>
            <Checkbox
              id={fieldDomId('startAfterCreate')}
              label="Start this VM after creation"
              isChecked={form.startAfterCreate}
              onChange={(_e, checked) => update({ startAfterCreate: checked })}
              description={`Sent as runStrategy: ${effectiveRunStrategy(form)}${form.startAfterCreate && form.runStrategy === 'Manual' ? ', then started' : ''}.`}
            />
          </FormGroup>
        </>
      )}
      <FormGroup label="Labels" fieldId={fieldDomId('labels')}>
        <TextInput
          id={fieldDomId('labels')}
          value={form.labels}
          onChange={(_e, v) => update({ labels: v })}
          {...fieldProps(fieldDomId('labels'), errors.labels)}
          spellCheck={false}
          placeholder="app=web, tier=frontend"
        />
        <FieldHelper
          fieldId={fieldDomId('labels')}
          error={errors.labels}
          hint="key=value pairs separated by commas; also put on the VM's pods."
        />
      </FormGroup>
      <FormGroup label="Description" fieldId={fieldDomId('description')}>
        <TextArea
          id={fieldDomId('description')}
          value={form.description}
          onChange={(_e, v) => update({ description: v })}
          rows={2}
          resizeOrientation="vertical"
          {...fieldProps(fieldDomId('description'), errors.description)}
        />
        <FieldHelper fieldId={fieldDomId('description')} error={errors.description} />
      </FormGroup>
    </FormSection>
  );
}
