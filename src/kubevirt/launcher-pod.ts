/**
 * A VMI's virt-launcher pod: the pod that runs it, named `virt-launcher-<vmi>-xxxxx`, carrying the
 * VMI's labels (a VM's template labels) plus the labels KubeVirt adds. Services select VMs through
 * these labels; the console finds a VM's pods and their events by them. Pure.
 */
import type { IoK8sApiCoreV1Pod } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { labelsOf, nameOf } from '../k8s/meta';
import type { VM } from './vm-selectors';
import type { VMI } from './vmi-selectors';

export type Labels = Record<string, string>;

/** The labels KubeVirt adds to a launcher pod besides the VMI's own. */
export const launcherLabels = (name: string): Labels => ({
  'kubevirt.io': 'virt-launcher',
  'vm.kubevirt.io/name': name,
  'vmi.kubevirt.io/id': name,
});

/** The labels the launcher pod of this VM has or would have (its template labels and KubeVirt's). */
export const vmLauncherLabels = (vm: VM): Labels => ({
  ...(vm.spec?.template?.metadata?.labels ?? {}),
  ...launcherLabels(nameOf(vm)),
});

/** The labels the launcher pod of this VMI has. */
export const vmiLauncherLabels = (vmi: VMI): Labels => ({ ...labelsOf(vmi), ...launcherLabels(nameOf(vmi)) });

/** The label selector of a VM's launcher pods (two during a migration). */
export const launcherPodSelector = (vmName: string): string =>
  `kubevirt.io=virt-launcher,vm.kubevirt.io/name=${vmName}`;

/** Whether a pod is a virt-launcher pod (of any VMI). */
export const isLauncherPod = (pod: IoK8sApiCoreV1Pod): boolean => labelsOf(pod)['kubevirt.io'] === 'virt-launcher';

const GENERATED_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

/** Whether a pod name is one of this VM's launcher pods (`virt-launcher-<vm>-xxxxx`), past or present. */
export function isLauncherPodOf(podName: string | undefined, vmName: string): boolean {
  const prefix = `virt-launcher-${vmName}-`;
  return Boolean(podName?.startsWith(prefix) && GENERATED_SUFFIX.test(podName.slice(prefix.length)));
}
