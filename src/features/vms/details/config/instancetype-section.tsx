import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useState } from 'react';
import { nameOf, namespaceOf } from '../../../../k8s/meta';
import {
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineClusterPreferenceModel,
  VirtualMachineInstancetypeModel,
  VirtualMachinePreferenceModel,
} from '../../../../k8s/models';
import { useK8sList } from '../../../../k8s/watch/use-k8s-list';
import type { Assignment } from '../../../../kubevirt/vm-edit';
import { vmInstancetype, vmPreference, type VM } from '../../../../kubevirt/vm-selectors';
import type { VMI } from '../../../../kubevirt/vmi-selectors';
import { ConfigItem, ConfigList, ConfigSection } from './config-section';
import { runningSize } from './cpu-memory-section';
import { EditModal } from './edit-modal';

const CLUSTER_IT = 'VirtualMachineClusterInstancetype';
const NS_IT = 'VirtualMachineInstancetype';
const CLUSTER_PREF = 'VirtualMachineClusterPreference';
const NS_PREF = 'VirtualMachinePreference';

/** "<kind>/<name>" option values, clusterwide ones first. */
function useChoices(namespace: string) {
  const cit = useK8sList(VirtualMachineClusterInstancetypeModel);
  const it = useK8sList(VirtualMachineInstancetypeModel, { namespace });
  const cpref = useK8sList(VirtualMachineClusterPreferenceModel);
  const pref = useK8sList(VirtualMachinePreferenceModel, { namespace });
  const opts = (kind: string, items: { metadata?: { name?: string } }[] | undefined) =>
    (items ?? []).map((i) => ({
      value: `${kind}/${nameOf(i)}`,
      label: `${nameOf(i)}${kind.includes('Cluster') ? '' : ' (this namespace)'}`,
    }));
  return {
    instancetypes: [...opts(CLUSTER_IT, cit.data), ...opts(NS_IT, it.data)],
    preferences: [...opts(CLUSTER_PREF, cpref.data), ...opts(NS_PREF, pref.data)],
  };
}

const matcherValue = (m: { kind?: string; name?: string } | undefined, clusterKind: string) =>
  m?.name ? `${m.kind ?? clusterKind}/${m.name}` : '';

function InstancetypeModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const { instancetypes, preferences } = useChoices(namespaceOf(vm));
  const [it, setIt] = useState(matcherValue(vmInstancetype(vm), CLUSTER_IT));
  const [pref, setPref] = useState(matcherValue(vmPreference(vm), CLUSTER_PREF));
  const withCurrent = (list: { value: string; label: string }[], current: string) =>
    current && !list.some((o) => o.value === current)
      ? [{ value: current, label: current.split('/')[1] }, ...list]
      : list;
  const build = (): Assignment[] | string => {
    if (!it) return 'Pick an instance type.';
    const [itKind, itName] = it.split('/');
    // A new matcher drops the old revision: KubeVirt stores the new instance type's revision.
    const out: Assignment[] = [
      { path: ['spec', 'instancetype'], value: { kind: itKind, name: itName, revisionName: null } },
    ];
    if (pref) {
      const [pKind, pName] = pref.split('/');
      out.push({ path: ['spec', 'preference'], value: { kind: pKind, name: pName, revisionName: null } });
    } else out.push({ path: ['spec', 'preference'], value: null });
    return out;
  };
  return (
    <EditModal id="instancetype" title="Edit instance type and preference" vm={vm} build={build} onClose={onClose}>
      <FormGroup label="Instance type" fieldId="config-instancetype" isRequired>
        <FormSelect id="config-instancetype" value={it} onChange={(_e, v) => setIt(v)}>
          {withCurrent(instancetypes, it).map((o) => (
            <FormSelectOption key={o.value} value={o.value} label={o.label} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label="Preference" fieldId="config-preference">
        <FormSelect id="config-preference" value={pref} onChange={(_e, v) => setPref(v)}>
          <FormSelectOption value="" label="None" />
          {withCurrent(preferences, pref).map((o) => (
            <FormSelectOption key={o.value} value={o.value} label={o.label} />
          ))}
        </FormSelect>
      </FormGroup>
    </EditModal>
  );
}

/** The VM's instance type and preference (its CPU and memory come from them), changeable. */
export function InstancetypeSection({ vm, vmi, readOnly }: { vm: VM; vmi?: VMI; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const it = vmInstancetype(vm);
  const pref = vmPreference(vm);
  const live = runningSize(vmi);
  return (
    <ConfigSection id="instancetype" title="Instance type" onEdit={() => setOpen(true)} editDisabledReason={readOnly}>
      <ConfigList label="Instance type">
        <ConfigItem term="Instance type" id="config-instancetype-value">
          {it ? `${it.name}${it.kind?.includes('Cluster') === false ? ' (this namespace)' : ''}` : '-'}
        </ConfigItem>
        <ConfigItem term="Preference" id="config-preference-value">
          {pref?.name ?? '-'}
        </ConfigItem>
        {vmi && (
          <ConfigItem term="Running with" id="config-running-size">
            {[live.cpu, live.memory].filter(Boolean).join('; ') || '-'}
          </ConfigItem>
        )}
      </ConfigList>
      {open && <InstancetypeModal vm={vm} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
