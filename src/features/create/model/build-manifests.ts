/**
 * Form state → the objects the console sends: a VirtualMachine (with its root DataVolume as a
 * dataVolumeTemplate) or a standalone VirtualMachineInstance. Pure and deterministic, so the YAML
 * preview is exactly what is created.
 */
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { stringify } from 'yaml';
import type { K8sResource, ObjectMeta } from '../../../k8s/types';
import { effectiveRunStrategy, parseInstancetypeRef, usesDataVolume, type CreateVmForm } from './form-state';
import { rootDataVolumeTemplate, vmiSpec } from './build-parts';
import { preferenceMatcher } from './inference';
import { parseLabels } from './labels';

export const DESCRIPTION_ANNOTATION = 'description';
export const OS_ANNOTATION = 'vm.kubevirt.io/os';
/** The label KubeVirt's examples and the OpenShift console put on a VM's pods: Services select it. */
export const DOMAIN_LABEL = 'kubevirt.io/domain';

/** The instance type path: the preference, not the OS preset, says what the guest is. */
const byInstancetype = (form: CreateVmForm): boolean =>
  form.kind === 'VirtualMachine' && form.sizing === 'instancetype';
const osAnnotated = (form: CreateVmForm): boolean => form.os !== 'other' && !byInstancetype(form);

function objectMeta(form: CreateVmForm): ObjectMeta {
  const meta: ObjectMeta = { name: form.name.trim(), namespace: form.namespace };
  const { labels } = parseLabels(form.labels);
  if (Object.keys(labels).length) meta.labels = labels;
  const annotations: Record<string, string> = {};
  if (form.description.trim()) annotations[DESCRIPTION_ANNOTATION] = form.description.trim();
  if (osAnnotated(form)) annotations[OS_ANNOTATION] = form.os;
  if (Object.keys(annotations).length) meta.annotations = annotations;
  return meta;
}

/** Labels and annotations of the VMI (the VM's template, or the VMI itself). */
function instanceMeta(form: CreateVmForm): ObjectMeta {
  const { labels } = parseLabels(form.labels);
  const meta: ObjectMeta = { labels: { ...labels, [DOMAIN_LABEL]: form.name.trim() } };
  if (osAnnotated(form)) meta.annotations = { [OS_ANNOTATION]: form.os };
  return meta;
}

export function buildVirtualMachine(form: CreateVmForm): V1VirtualMachine {
  const instancetype = byInstancetype(form) ? parseInstancetypeRef(form.instancetype) : undefined;
  const preference = preferenceMatcher(form.preference);
  const vm: V1VirtualMachine = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: objectMeta(form),
    spec: {
      runStrategy: effectiveRunStrategy(form),
      template: { metadata: instanceMeta(form), spec: vmiSpec(form, !instancetype) },
    },
  };
  if (instancetype) vm.spec.instancetype = instancetype;
  if (preference) vm.spec.preference = preference;
  if (usesDataVolume(form)) vm.spec.dataVolumeTemplates = [rootDataVolumeTemplate(form)];
  return vm;
}

/** A standalone (non-persistent) VMI: a container disk, CPU and memory, no run strategy. */
export function buildVirtualMachineInstance(form: CreateVmForm): V1VirtualMachineInstance {
  const meta = objectMeta(form);
  const inst = instanceMeta(form);
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { ...meta, labels: inst.labels, annotations: { ...meta.annotations, ...inst.annotations } },
    spec: vmiSpec({ ...form, bootSource: 'containerDisk' }, true),
  };
}

/** Everything the form creates, in creation order. */
export function buildManifests(form: CreateVmForm): K8sResource[] {
  return form.kind === 'VirtualMachineInstance' ? [buildVirtualMachineInstance(form)] : [buildVirtualMachine(form)];
}

/** Objects as a multi-document YAML stream (one document per object). */
export function manifestsToYaml(objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
