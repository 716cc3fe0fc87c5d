import {
  Alert,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  Spinner,
} from '@patternfly/react-core';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import type { BootSources } from '../../../components/kubevirt/use-boot-sources';
import { fieldDomId, type SectionProps } from '../form/form-props';
import type { PreferenceOption } from '../form/use-cluster-options';
import { defaultSize, seriesOfValue, type CatalogState } from '../model/instancetype-catalog';
import { SeriesCards, SizeCards } from './instancetype-cards';

interface Props extends SectionProps {
  catalog: CatalogState;
  preferences: { cluster: PreferenceOption[]; namespaced: PreferenceOption[]; error: Error | null };
  bootVolumes: BootSources;
}

/** Where the preference came from, or what it is for. */
function preferenceHint(form: SectionProps['form'], bootVolumes: BootSources): string {
  const volume =
    form.bootSource === 'dataSource' ? bootVolumes.rows?.find((r) => r.key === form.dataSource) : undefined;
  if (volume?.os && volume.os === form.preference)
    return `Inferred from the bootable volume ${volume.name} (label instancetype.kubevirt.io/default-preference).`;
  return 'Device and topology defaults for the guest operating system; the VM refers to it by name.';
}

/** The instance type path: series and size cards from the cluster's (and namespace's) instance types, and the preference. */
export function InstancetypeSection({ form, update, errors, catalog, preferences, bootVolumes }: Props) {
  const series = catalog.series ?? [];
  const chosen = seriesOfValue(series, form.instancetype);
  const sizeId = fieldDomId('instancetype');
  const known = new Set([...preferences.cluster, ...preferences.namespaced].map((p) => p.value));
  return (
    <FormSection title="Instance type" titleElement="h2">
      {catalog.notices.map((n) => (
        <Alert key={n.id} id={n.id} variant={n.variant} isInline isPlain title={n.title}>
          {n.text}
        </Alert>
      ))}
      {!catalog.series ? (
        <Spinner size="lg" aria-label="Loading instance types" />
      ) : series.length === 0 ? null : (
        <>
          <FormGroup label="Series" fieldId="create-vm-series" role="group">
            <SeriesCards
              series={series}
              chosen={chosen?.id}
              onChoose={(s) => update({ instancetype: defaultSize(s)?.value ?? '' })}
            />
          </FormGroup>
          <FormGroup label="Size" fieldId={sizeId} isRequired role="group">
            {chosen ? (
              <SizeCards
                id={sizeId}
                series={chosen}
                value={form.instancetype}
                onChoose={(v) => update({ instancetype: v })}
              />
            ) : (
              <div id={sizeId} tabIndex={-1} />
            )}
            <FieldHelper
              fieldId={sizeId}
              error={errors.instancetype}
              hint={chosen ? 'The instance type sets the CPU and memory.' : 'Choose a series, then a size.'}
            />
          </FormGroup>
        </>
      )}
      <FormGroup label="Preference" fieldId={fieldDomId('preference')}>
        <FormSelect
          id={fieldDomId('preference')}
          value={form.preference}
          onChange={(_e, v) => update({ preference: v })}
          {...fieldProps(fieldDomId('preference'), errors.preference)}
        >
          <FormSelectOption value="" label="None" />
          {form.preference && !known.has(form.preference) && (
            <FormSelectOption value={form.preference} label={form.preference} />
          )}
          {preferences.namespaced.length > 0 && (
            <FormSelectOptionGroup label={`Namespace ${form.namespace}`}>
              {preferences.namespaced.map((p) => (
                <FormSelectOption key={p.value} value={p.value} label={p.label} />
              ))}
            </FormSelectOptionGroup>
          )}
          <FormSelectOptionGroup label="Cluster preferences">
            {preferences.cluster.map((p) => (
              <FormSelectOption key={p.value} value={p.value} label={p.label} />
            ))}
          </FormSelectOptionGroup>
        </FormSelect>
        <FieldHelper
          fieldId={fieldDomId('preference')}
          error={errors.preference}
          warning={preferences.error ? `Cluster preferences: ${preferences.error.message}` : undefined}
          hint={preferenceHint(form, bootVolumes)}
        />
      </FormGroup>
    </FormSection>
  );
}
