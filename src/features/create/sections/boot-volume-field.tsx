import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { useAccessReview } from '../../../k8s/access-review';
import type { BootSources } from '../../../components/kubevirt/use-boot-sources';
import type { VolumeRow } from '../../../kubevirt/boot-sources';
import { fieldDomId, type SectionProps } from '../form/form-props';
import { bootVolumePatch } from '../model/inference';

/** "fedora (kubevirt-os-images) · fedora · 30Gi", and why it is not ready. */
function optionLabel(r: VolumeRow): string {
  const parts = [`${r.name} (${r.namespace})`];
  if (r.os) parts.push(r.os);
  if (r.size) parts.push(r.size);
  if (!r.ready) parts.push('not ready');
  return parts.join(' · ');
}

/**
 * Why CDI would refuse to clone from `namespace` for this user (it checks `create` on
 * `datavolumes/source` there, in group cdi.kubevirt.io); undefined when it would not, or while asking.
 */
function useCloneDenied(namespace: string | undefined): string | undefined {
  const access = useAccessReview(
    {
      group: 'cdi.kubevirt.io',
      resource: 'datavolumes',
      subresource: 'source',
      verb: 'create',
      namespace: namespace ?? '',
    },
    { enabled: Boolean(namespace) },
  );
  if (!namespace || access.allowed || access.isLoading) return undefined;
  return `CDI will not clone it: you may not clone volumes from namespace ${namespace}${
    access.reason ? ` (${access.reason})` : ''
  }, so the VM's disk would never be made.`;
}

/**
 * The bootable volume (a DataSource) the VM's root disk is cloned from. Choosing one with a
 * default preference label takes that preference, as VMs made from SSP's boot sources do.
 */
export function BootVolumeField({
  form,
  update,
  errors,
  volumes,
}: Pick<SectionProps, 'form' | 'update' | 'errors'> & { volumes: BootSources }) {
  const id = fieldDomId('dataSource');
  const rows = volumes.rows ?? [];
  const chosen = rows.find((r) => r.key === form.dataSource);
  const placeholder = !volumes.rows
    ? 'Loading bootable volumes…'
    : rows.length
      ? 'Choose a bootable volume'
      : 'No bootable volumes in this namespace or the boot sources';
  const hint = chosen && !chosen.ready ? `Not ready yet: ${chosen.readiness}. The clone waits for it.` : chosen?.source;
  const cloneDenied = useCloneDenied(chosen?.namespace);
  return (
    <FormGroup label="Bootable volume" fieldId={id} isRequired>
      <FormSelect
        id={id}
        value={form.dataSource}
        onChange={(_e, v) => {
          // The clone takes the volume's own size unless the user types one; its labels name the
          // preference and the instance type.
          update(
            bootVolumePatch(
              v,
              rows.find((r) => r.key === v),
            ),
          );
        }}
        {...fieldProps(id, errors.dataSource)}
      >
        <FormSelectOption value="" label={placeholder} isPlaceholder />
        {rows.map((r) => (
          <FormSelectOption key={r.key} value={r.key} label={optionLabel(r)} />
        ))}
      </FormSelect>
      <FieldHelper fieldId={id} error={errors.dataSource ?? volumes.error?.message} warning={cloneDenied} hint={hint} />
    </FormGroup>
  );
}
