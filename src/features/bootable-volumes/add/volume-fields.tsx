import {
  FileUpload,
  FormGroup,
  FormSelect,
  FormSelectOption,
  InputGroup,
  InputGroupItem,
  InputGroupText,
  Radio,
  TextInput,
} from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { sizeHint } from '../model/add-volume-form';
import { formatBytes } from '../model/image-format';
import { ACCESS_MODES, type VolumeSourceKind } from '../model/volume-manifests';
import type { AddVolumeState } from './use-add-volume';

export const addVolumeFieldId = (field: string): string => `add-volume-${field}`;

const SOURCES: { value: VolumeSourceKind; label: string; description: string }[] = [
  {
    value: 'upload',
    label: 'Upload a file',
    description: 'A qcow2, raw or ISO image (or gzip/xz of one) from this computer.',
  },
  { value: 'url', label: 'Import from a URL', description: 'CDI downloads the image over http(s).' },
  { value: 'registry', label: 'Import from a registry', description: 'CDI copies a container disk image.' },
];

function Select({
  field,
  label,
  value,
  onChange,
  options,
  hint,
}: {
  field: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const id = addVolumeFieldId(field);
  return (
    <FormGroup label={label} fieldId={id}>
      <FormSelect id={id} value={value} onChange={(_e, v) => onChange(v)} {...fieldProps(id, undefined)}>
        {options.map((o) => (
          <FormSelectOption key={o.value} value={o.value} label={o.label} />
        ))}
      </FormSelect>
      <FieldHelper fieldId={id} hint={hint} />
    </FormGroup>
  );
}

/** The file picker and drop zone, with what the file turned out to be. */
function FileField({ state }: { state: AddVolumeState }) {
  const id = addVolumeFieldId('file');
  const error = state.shownErrors.file;
  const hint = state.reading
    ? 'Reading the file’s first bytes…'
    : state.check?.ok
      ? `${state.check.description}; ${formatBytes(state.file?.size ?? 0)} to send.`
      : 'Drop a file here or browse. Its format is checked here before anything is sent.';
  return (
    <FormGroup label="Disk image" fieldId={`${id}-filename`} isRequired>
      <FileUpload
        id={id}
        filename={state.file?.name ?? ''}
        filenamePlaceholder="Drag and drop a disk image or browse"
        filenameAriaLabel="Disk image file name"
        browseButtonText="Browse…"
        browseButtonAriaDescribedby={`${id}-filename-helper`}
        hideDefaultPreview
        isLoading={state.reading}
        validated={error ? 'error' : 'default'}
        onFileInputChange={(_e, f) => state.setFile(f)}
        onClearClick={() => state.setFile(undefined)}
      />
      <FieldHelper fieldId={`${id}-filename`} error={error} hint={hint} />
    </FormGroup>
  );
}

/** Every field of the add-volume form. */
export function VolumeFields({ state }: { state: AddVolumeState }) {
  const { form, update, shownErrors: errors, options } = state;
  const text = (field: 'name' | 'location' | 'size', label: string, hint?: string) => {
    const id = addVolumeFieldId(field);
    return (
      <FormGroup label={label} fieldId={id} isRequired>
        <TextInput
          id={id}
          value={form[field]}
          onChange={(_e, v) => update({ [field]: v })}
          spellCheck={false}
          {...fieldProps(id, errors[field])}
        />
        <FieldHelper fieldId={id} error={errors[field]} hint={hint} />
      </FormGroup>
    );
  };
  const sizeId = addVolumeFieldId('size');
  return (
    <>
      <FormGroup role="radiogroup" label="Source" fieldId={addVolumeFieldId('source')} isStack>
        {SOURCES.map((s) => (
          <Radio
            key={s.value}
            id={addVolumeFieldId(`source-${s.value}`)}
            name="add-volume-source"
            label={s.label}
            description={s.description}
            isChecked={form.source === s.value}
            onChange={() => update({ source: s.value })}
          />
        ))}
      </FormGroup>
      {form.source === 'upload' && <FileField state={state} />}
      {form.source === 'url' && text('location', 'Image URL', 'An http(s) URL of a qcow2, raw or ISO image.')}
      {form.source === 'registry' && text('location', 'Registry image', 'For example quay.io/containerdisks/fedora:41')}
      {text('name', 'Name', 'The DataVolume, its PVC and the DataSource get this name.')}
      <FormGroup label="Namespace" fieldId={addVolumeFieldId('namespace')} isRequired>
        <FormSelect
          id={addVolumeFieldId('namespace')}
          value={form.namespace}
          onChange={(_e, v) => update({ namespace: v })}
          {...fieldProps(addVolumeFieldId('namespace'), errors.namespace)}
        >
          {!options.namespaces.includes(form.namespace) && (
            <FormSelectOption value={form.namespace} label={form.namespace || 'Choose a namespace'} />
          )}
          {options.namespaces.map((n) => (
            <FormSelectOption key={n} value={n} label={n} />
          ))}
        </FormSelect>
        <FieldHelper fieldId={addVolumeFieldId('namespace')} error={errors.namespace} />
      </FormGroup>
      <FormGroup label="Size" fieldId={sizeId} isRequired>
        <InputGroup>
          <InputGroupItem isFill>
            <TextInput
              id={sizeId}
              value={form.size}
              inputMode="numeric"
              onChange={(_e, v) => update({ size: v })}
              {...fieldProps(sizeId, errors.size)}
            />
          </InputGroupItem>
          <InputGroupItem isPlain>
            <InputGroupText>GiB</InputGroupText>
          </InputGroupItem>
        </InputGroup>
        <FieldHelper fieldId={sizeId} error={errors.size} hint={sizeHint(state.check)} />
      </FormGroup>
      <Select
        field="storage-class"
        label="Storage class"
        value={form.storageClass}
        onChange={(v) => update({ storageClass: v })}
        options={[
          { value: '', label: 'Cluster default' },
          ...options.storageClasses.map((n) => ({ value: n, label: n })),
        ]}
      />
      <Select
        field="access-mode"
        label="Access mode"
        value={form.accessMode}
        onChange={(v) => update({ accessMode: v as typeof form.accessMode })}
        options={ACCESS_MODES.map((m) => ({ value: m, label: m || 'From the storage profile' }))}
        hint="ReadWriteMany lets VMs made from it live-migrate."
      />
      <Select
        field="preference"
        label="Operating system (preference)"
        value={form.preference}
        onChange={(v) => update({ preference: v })}
        options={[{ value: '', label: 'None' }, ...options.preferences.map((n) => ({ value: n, label: n }))]}
        hint="VMs created from this volume default to this preference."
      />
    </>
  );
}
