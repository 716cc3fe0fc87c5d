import { Form } from '@patternfly/react-core';
import type { FormEvent, ReactNode } from 'react';
import type { CreateVmForm, FieldErrors, OsId } from '../model/form-state';
import { BootSourceSection } from '../sections/boot-source-section';
import { CloudInitSection } from '../sections/cloud-init-section';
import { GeneralSection } from '../sections/general-section';
import { InstancetypeSection } from '../sections/instancetype-section';
import { PathSection } from '../sections/path-section';
import { NetworkSection } from '../sections/network-section';
import { OsSection } from '../sections/os-section';
import { RunSection } from '../sections/run-section';
import { SizingSection } from '../sections/sizing-section';
import type { ClusterOptions } from './use-cluster-options';

interface Props {
  form: CreateVmForm;
  errors: FieldErrors;
  options: ClusterOptions;
  update: (patch: Partial<CreateVmForm>) => void;
  onChooseOs: (os: OsId) => void;
  onSubmit: () => void;
  /** The submit bar (errors, progress, buttons). */
  children: ReactNode;
}

/** The create form: one page of sections, in the order a developer fills them. */
export function CreateVmFormView({ form, errors, options, update, onChooseOs, onSubmit, children }: Props) {
  const section = { form, update, errors };
  const vm = form.kind === 'VirtualMachine';
  const byType = vm && form.sizing === 'instancetype';
  const boot = (
    <BootSourceSection
      {...section}
      storageClasses={options.storageClasses}
      pvcs={options.pvcs}
      bootVolumes={options.bootVolumes}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Form id="create-vm-form" aria-label={`Create ${form.kind}`} onSubmit={submit} noValidate>
      <GeneralSection {...section} namespaces={options.namespaces} />
      {vm && <PathSection form={form} update={update} />}
      {byType ? (
        <>
          {boot}
          <InstancetypeSection
            {...section}
            catalog={options.catalog}
            preferences={options.preferenceChoices}
            bootVolumes={options.bootVolumes}
          />
        </>
      ) : (
        <>
          <OsSection {...section} preferences={options.preferences} onChooseOs={onChooseOs} />
          {boot}
          <SizingSection {...section} />
        </>
      )}
      <CloudInitSection {...section} />
      <NetworkSection {...section} nads={options.nads} />
      <RunSection {...section} />
      {children}
    </Form>
  );
}
