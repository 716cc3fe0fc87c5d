import { FormGroup, FormSection, Radio } from '@patternfly/react-core';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { CreateVmForm } from '../model/form-state';

/**
 * The two ways to size a VM: an instance type and a preference (KubeVirt's modern way; the VM
 * holds the matchers), or CPU, memory and an OS preset typed in (the custom path).
 */
export function PathSection({ form, update }: Pick<SectionProps, 'form' | 'update'>) {
  const byType = form.sizing === 'instancetype';
  const choose = (sizing: CreateVmForm['sizing']) =>
    // A blank disk boots nothing: the instance type path starts from a bootable volume.
    update(
      sizing === 'instancetype' && form.bootSource === 'blank' ? { sizing, bootSource: 'dataSource' } : { sizing },
    );
  return (
    <FormSection title="Size and configuration" titleElement="h2">
      <FormGroup role="radiogroup" label="Start from" fieldId={fieldDomId('sizing')} isStack>
        <Radio
          id="create-vm-sizing-instancetype"
          name="create-vm-sizing"
          label="Instance type"
          description="Boot a volume or an image, pick a series and size from the cluster's instance types; the preference fits the guest OS."
          isChecked={byType}
          onChange={() => choose('instancetype')}
        />
        <Radio
          id="create-vm-sizing-custom"
          name="create-vm-sizing"
          label="Custom"
          description="Choose an operating system preset and set CPU and memory yourself."
          isChecked={!byType}
          onChange={() => choose('custom')}
        />
      </FormGroup>
    </FormSection>
  );
}
