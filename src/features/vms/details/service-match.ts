import type { IoK8sApiCoreV1Pod, IoK8sApiCoreV1Service } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { labelsOf, namespaceOf, selectorMatches } from '../../../k8s/meta';
import { vmLauncherLabels } from '../../../kubevirt/launcher-pod';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';

type Labels = Record<string, string>;

/**
 * The label sets a Service may select this VM by: its launcher pods' labels, the VMI's, and the
 * labels a launcher pod would carry for a VM that is not running (template labels plus
 * `vm.kubevirt.io/name` and `vmi.kubevirt.io/id`, which `virtctl expose` and the OpenShift plugin use).
 */
export function vmLabelSets(vm: VM, vmi: VMI | undefined, pods: IoK8sApiCoreV1Pod[] = []): Labels[] {
  const sets = [vmLauncherLabels(vm)];
  if (vmi) sets.push(labelsOf(vmi));
  for (const pod of pods) sets.push(labelsOf(pod));
  return sets;
}

/** The Services (of the VM's namespace) whose selector matches one of the VM's label sets. */
export function servicesSelectingVm(
  services: IoK8sApiCoreV1Service[],
  vm: VM,
  vmi?: VMI,
  pods?: IoK8sApiCoreV1Pod[],
): IoK8sApiCoreV1Service[] {
  const sets = vmLabelSets(vm, vmi, pods);
  return services.filter(
    (s) => namespaceOf(s) === namespaceOf(vm) && sets.some((l) => selectorMatches(s.spec?.selector, l)),
  );
}
