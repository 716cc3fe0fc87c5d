import { Alert, ExpandableSection, FormGroup, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { describeError } from '../../../components/error-details';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';
import { LinesField } from '../../../components/form/lines-field';
import { k8sCreate } from '../../../k8s/client';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { VirtualMachineCloneModel } from '../../../k8s/snapshot-models';
import { cloneManifest, parseFilters } from '../../../kubevirt/restore-clone-rules';
import { snapshotVolumes } from '../../../kubevirt/snapshot-rules';
import { vmInterfaces } from '../../../kubevirt/vm-devices';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { randomNameSuffix, validateDnsLabel } from '../../../lib/k8s-names';
import { OperationModal } from '../snapshots/operation-modal';
import { SnapshotVolumesList } from '../snapshots/snapshot-volumes-list';
import { CloneProgress } from './clone-progress';

const FILTER_HINT = 'One per line. Empty copies all; "*" matches all, "!key" leaves a key out, "prefix/*" a prefix.';

/** A filter list (KubeVirt's labelFilters/annotationFilters), one per line. */
function FilterField(p: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return <LinesField {...p} hint={FILTER_HINT} resizeOrientation="vertical" />;
}

/** "Clone": a VirtualMachineClone of the VM, with its name, filters, MACs and serial, then its progress. */
export function CloneModal({ vm, vmi, onClose }: { vm: VM; vmi?: VMI; onClose: () => void }) {
  const [suffix] = useState(() => randomNameSuffix());
  const [target, setTarget] = useState(() => `${nameOf(vm).slice(0, 50)}-clone-${suffix}`);
  const [labels, setLabels] = useState('');
  const [annotations, setAnnotations] = useState('');
  const [templateLabels, setTemplateLabels] = useState('');
  const [templateAnnotations, setTemplateAnnotations] = useState('');
  const [macs, setMacs] = useState<Record<string, string>>({});
  const [serial, setSerial] = useState('');
  const [created, setCreated] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const interfaces = vmInterfaces(vm, vmi);
  const targetError = target ? validateDnsLabel(target) : undefined;
  const invalid = validateDnsLabel(target);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const cloneName = `${nameOf(vm).slice(0, 40)}-clone-${randomNameSuffix()}`;
    const manifest = cloneManifest(vm, {
      name: cloneName,
      targetName: target,
      labelFilters: parseFilters(labels),
      annotationFilters: parseFilters(annotations),
      templateLabelFilters: parseFilters(templateLabels),
      templateAnnotationFilters: parseFilters(templateAnnotations),
      newMacAddresses: macs,
      newSMBiosSerial: serial,
    });
    try {
      await k8sCreate(VirtualMachineCloneModel, manifest, { namespace: namespaceOf(vm) });
      setCreated(cloneName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <OperationModal
      id="clone-vm"
      title="Clone virtual machine"
      of={nameOf(vm)}
      submitLabel="Clone"
      busy={busy}
      invalid={Boolean(invalid)}
      progress={created ? <CloneProgress name={created} namespace={namespaceOf(vm)} /> : undefined}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <FormGroup label="Name of the new virtual machine" isRequired fieldId="clone-vm-name">
        <TextInput
          id="clone-vm-name"
          value={target}
          isRequired
          onChange={(_e, v) => setTarget(v)}
          {...fieldProps('clone-vm-name', targetError)}
        />
        <FieldHelper fieldId="clone-vm-name" error={targetError} />
      </FormGroup>
      <FilterField id="clone-vm-labels" label="Label filters" value={labels} onChange={setLabels} />
      <FilterField id="clone-vm-annotations" label="Annotation filters" value={annotations} onChange={setAnnotations} />
      <ExpandableSection toggleText="Filters of the template's labels and annotations" id="clone-vm-template">
        <FilterField
          id="clone-vm-template-labels"
          label="Template label filters"
          value={templateLabels}
          onChange={setTemplateLabels}
        />
        <FilterField
          id="clone-vm-template-annotations"
          label="Template annotation filters"
          value={templateAnnotations}
          onChange={setTemplateAnnotations}
        />
      </ExpandableSection>
      {interfaces.map((i) => (
        <FormGroup key={i.name} label={`MAC address of ${i.name}`} fieldId={`clone-vm-mac-${i.name}`}>
          <TextInput
            id={`clone-vm-mac-${i.name}`}
            value={macs[i.name] ?? ''}
            placeholder="New, generated"
            onChange={(_e, v) => setMacs((m) => ({ ...m, [i.name]: v }))}
            aria-describedby={`clone-vm-mac-${i.name}-helper`}
          />
          <FieldHelper
            fieldId={`clone-vm-mac-${i.name}`}
            hint={`Empty: the clone gets a new MAC address${i.mac ? ` (the source has ${i.mac})` : ''}.`}
          />
        </FormGroup>
      ))}
      <FormGroup label="SMBios serial" fieldId="clone-vm-serial">
        <TextInput
          id="clone-vm-serial"
          value={serial}
          placeholder="New, generated"
          onChange={(_e, v) => setSerial(v)}
          aria-describedby="clone-vm-serial-helper"
        />
        <FieldHelper fieldId="clone-vm-serial" hint="Empty: KubeVirt generates a new serial for the clone." />
      </FormGroup>
      <Alert variant="info" isInline title="KubeVirt clones through a snapshot" id="clone-vm-note">
        It snapshots {nameOf(vm)} (running or not), creates the new virtual machine and restores the disks into it.
        Disks that cannot be snapshotted are not copied.
      </Alert>
      <SnapshotVolumesList id="clone-vm-disks" volumes={snapshotVolumes(vm)} />
      {error !== undefined && (
        <Alert variant="danger" isInline title="The clone was not created" id="clone-vm-error">
          {describeError(error).message}
        </Alert>
      )}
    </OperationModal>
  );
}
