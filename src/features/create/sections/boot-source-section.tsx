import { FormGroup, FormSection, FormSelect, FormSelectOption, Radio, TextInput } from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { OptionList } from '../form/use-cluster-options';
import type { BootSources } from '../../../components/kubevirt/use-boot-sources';
import { BOOT_SOURCES, CLONE_SOURCES, DISK_BUSES, usesDataVolume, type BootSourceType } from '../model/form-state';
import { BootVolumeField } from './boot-volume-field';
import { QuantityInput } from './quantity-input';

const SOURCE_LABELS: Record<BootSourceType, { label: string; description: string }> = {
  dataSource: {
    label: 'Bootable volume',
    description: 'Clone a DataSource of this namespace or of the cluster’s boot sources into the VM’s own disk.',
  },
  containerDisk: {
    label: 'Container disk',
    description: 'Boot from an image in a container registry; changes are lost when the VM stops.',
  },
  url: { label: 'Import from a URL', description: 'Download a disk image into a new DataVolume.' },
  registry: { label: 'Import from a registry', description: 'Copy a container disk image into a new DataVolume.' },
  pvc: { label: 'Clone a PVC', description: 'Copy an existing PersistentVolumeClaim of this namespace.' },
  blank: { label: 'Blank disk', description: 'An empty DataVolume.' },
};

interface Props extends SectionProps {
  storageClasses: OptionList;
  pvcs: OptionList;
  bootVolumes: BootSources;
}

function TextField({
  field,
  label,
  value,
  error,
  hint,
  onChange,
}: {
  field: 'containerImage' | 'url' | 'registryImage';
  label: string;
  value: string;
  error?: string;
  hint: string;
  onChange: (v: string) => void;
}) {
  const id = fieldDomId(field);
  return (
    <FormGroup label={label} fieldId={id} isRequired>
      <TextInput
        id={id}
        value={value}
        onChange={(_e, v) => onChange(v)}
        {...fieldProps(id, error)}
        spellCheck={false}
      />
      <FieldHelper fieldId={id} error={error} hint={hint} />
    </FormGroup>
  );
}

export function BootSourceSection({ form, update, errors, storageClasses, pvcs, bootVolumes }: Props) {
  const vm = form.kind === 'VirtualMachine';
  const source = vm ? form.bootSource : 'containerDisk';
  // The instance type path boots a volume or an image; its preference picks the disk bus.
  const byType = vm && form.sizing === 'instancetype';
  const sources = byType ? BOOT_SOURCES.filter((s) => s !== 'blank') : BOOT_SOURCES;
  const pvcNames = pvcs.names ?? [];
  return (
    <FormSection title="Boot source" titleElement="h2">
      <FormGroup role="radiogroup" label="Boot from" fieldId={fieldDomId('bootSource')} isStack>
        {sources.map((s) => (
          <Radio
            key={s}
            id={`create-vm-boot-${s}`}
            name="create-vm-boot-source"
            label={SOURCE_LABELS[s].label}
            description={SOURCE_LABELS[s].description}
            isChecked={source === s}
            isDisabled={!vm && s !== 'containerDisk'}
            onChange={() => update({ bootSource: s })}
          />
        ))}
        {!vm && (
          <FieldHelper
            fieldId={fieldDomId('bootSource')}
            hint="A VirtualMachineInstance boots from a container disk."
          />
        )}
      </FormGroup>
      {source === 'dataSource' && <BootVolumeField form={form} update={update} errors={errors} volumes={bootVolumes} />}
      {source === 'containerDisk' && (
        <TextField
          field="containerImage"
          label="Container image"
          value={form.containerImage}
          error={errors.containerImage}
          hint="For example quay.io/containerdisks/fedora:41"
          onChange={(v) => update({ containerImage: v })}
        />
      )}
      {source === 'url' && (
        <TextField
          field="url"
          label="Image URL"
          value={form.url}
          error={errors.url}
          hint="An http(s) URL of a qcow2, raw or iso image."
          onChange={(v) => update({ url: v })}
        />
      )}
      {source === 'registry' && (
        <TextField
          field="registryImage"
          label="Registry image"
          value={form.registryImage}
          error={errors.registryImage}
          hint="An image reference; docker:// is added."
          onChange={(v) => update({ registryImage: v })}
        />
      )}
      {source === 'pvc' && (
        <FormGroup label="PVC to clone" fieldId={fieldDomId('pvcName')} isRequired>
          <FormSelect
            id={fieldDomId('pvcName')}
            value={form.pvcName}
            onChange={(_e, v) => update({ pvcName: v })}
            {...fieldProps(fieldDomId('pvcName'), errors.pvcName)}
          >
            <FormSelectOption
              value=""
              label={pvcNames.length ? 'Choose a PVC' : 'No PVCs in this namespace'}
              isPlaceholder
            />
            {pvcNames.map((n) => (
              <FormSelectOption key={n} value={n} label={n} />
            ))}
          </FormSelect>
          <FieldHelper fieldId={fieldDomId('pvcName')} error={errors.pvcName ?? pvcs.error?.message} />
        </FormGroup>
      )}
      {usesDataVolume(form) && (
        <>
          <FormGroup label="Disk size" fieldId={fieldDomId('diskSize')} isRequired={!CLONE_SOURCES.includes(source)}>
            <QuantityInput
              id={fieldDomId('diskSize')}
              label="Disk size"
              value={form.diskSize}
              unit={form.diskSizeUnit}
              error={errors.diskSize}
              onChange={(diskSize, diskSizeUnit) => update({ diskSize, diskSizeUnit })}
            />
            <FieldHelper
              fieldId={fieldDomId('diskSize')}
              error={errors.diskSize}
              hint={CLONE_SOURCES.includes(source) ? 'Empty: the size of the volume being cloned.' : undefined}
            />
          </FormGroup>
          <FormGroup label="Storage class" fieldId={fieldDomId('storageClass')}>
            <FormSelect
              id={fieldDomId('storageClass')}
              value={form.storageClass}
              onChange={(_e, v) => update({ storageClass: v })}
              {...fieldProps(fieldDomId('storageClass'), errors.storageClass)}
            >
              <FormSelectOption value="" label="Cluster default" />
              {(storageClasses.names ?? []).map((n) => (
                <FormSelectOption key={n} value={n} label={n} />
              ))}
            </FormSelect>
            <FieldHelper
              fieldId={fieldDomId('storageClass')}
              error={errors.storageClass ?? storageClasses.error?.message}
            />
          </FormGroup>
        </>
      )}
      {!byType && (
        <FormGroup label="Disk bus" fieldId={fieldDomId('diskBus')}>
          <FormSelect
            id={fieldDomId('diskBus')}
            value={form.diskBus}
            onChange={(_e, v) => update({ diskBus: v as typeof form.diskBus })}
            {...fieldProps(fieldDomId('diskBus'), errors.diskBus)}
          >
            {DISK_BUSES.map((b) => (
              <FormSelectOption key={b} value={b} label={b} />
            ))}
          </FormSelect>
          <FieldHelper
            fieldId={fieldDomId('diskBus')}
            error={errors.diskBus}
            hint="virtio is fastest; Windows without drivers needs sata."
          />
        </FormGroup>
      )}
    </FormSection>
  );
}
