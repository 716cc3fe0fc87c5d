import { FormGroup, FormSection, Radio, TextArea, TextInput } from '@patternfly/react-core';
import { FieldHelper, fieldProps, helperId } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { CloudInitMode } from '../model/form-state';

const MODES: Array<{ value: CloudInitMode; label: string }> = [
  { value: 'user', label: 'User, password and SSH keys' },
  { value: 'custom', label: 'Custom user data' },
  { value: 'none', label: 'None' },
];

export function CloudInitSection({ form, update, errors }: SectionProps) {
  return (
    <FormSection title="Cloud-init" titleElement="h2">
      <FormGroup role="radiogroup" label="Cloud-init" fieldId={fieldDomId('cloudInit')} isInline>
        {MODES.map((m) => (
          <Radio
            key={m.value}
            id={`create-vm-cloud-init-${m.value}`}
            name="create-vm-cloud-init"
            label={m.label}
            isChecked={form.cloudInit === m.value}
            onChange={() => update({ cloudInit: m.value })}
          />
        ))}
      </FormGroup>
      {form.cloudInit === 'user' && (
        <>
          <FormGroup label="User" fieldId={fieldDomId('cloudUser')}>
            <TextInput
              id={fieldDomId('cloudUser')}
              value={form.cloudUser}
              autoComplete="off"
              onChange={(_e, v) => update({ cloudUser: v })}
              {...fieldProps(fieldDomId('cloudUser'), errors.cloudUser)}
            />
            <FieldHelper
              fieldId={fieldDomId('cloudUser')}
              error={errors.cloudUser}
              hint="The image's default user gets this password and these keys."
            />
          </FormGroup>
          <FormGroup label="Password" fieldId={fieldDomId('cloudPassword')}>
            <TextInput
              id={fieldDomId('cloudPassword')}
              type="password"
              autoComplete="new-password"
              value={form.cloudPassword}
              onChange={(_e, v) => update({ cloudPassword: v })}
              aria-describedby={helperId(fieldDomId('cloudPassword'))}
            />
            <FieldHelper
              fieldId={fieldDomId('cloudPassword')}
              hint="Stored in the VM's spec as plain text: anyone who can read the VM can read it."
            />
          </FormGroup>
          <FormGroup label="SSH public keys" fieldId={fieldDomId('sshKeys')}>
            <TextArea
              id={fieldDomId('sshKeys')}
              value={form.sshKeys}
              onChange={(_e, v) => update({ sshKeys: v })}
              rows={3}
              resizeOrientation="vertical"
              spellCheck={false}
              aria-describedby={helperId(fieldDomId('sshKeys'))}
            />
            <FieldHelper fieldId={fieldDomId('sshKeys')} hint="One key per line." />
          </FormGroup>
        </>
      )}
      {form.cloudInit === 'custom' && (
        <FormGroup label="User data" fieldId={fieldDomId('userData')} isRequired>
          <TextArea
            id={fieldDomId('userData')}
            className="kv-create-mono"
            value={form.userData}
            onChange={(_e, v) => update({ userData: v })}
            rows={8}
            resizeOrientation="vertical"
            spellCheck={false}
            {...fieldProps(fieldDomId('userData'), errors.userData)}
            placeholder={'#cloud-config\nuser: fedora\npassword: changeme\nchpasswd: { expire: false }'}
          />
          <FieldHelper
            fieldId={fieldDomId('userData')}
            error={errors.userData}
            hint="A #cloud-config document or a script, sent as cloudInitNoCloud user data."
          />
        </FormGroup>
      )}
    </FormSection>
  );
}
