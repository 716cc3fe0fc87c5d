import type { IoK8sApiCoreV1Pod, IoK8sApiCoreV1Service } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

type Labels = Record<string, string>;

/** Whether a Service's selector (equality only, as Services have) selects these labels. An empty selector selects nothing. */
export function selectorMatches(selector: Labels | undefined, labels: Labels): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/**
 * The label sets a Service may select this VM by: its launcher pods' labels, the VMI's, and the
 * labels a launcher pod would carry for a VM that is not running (template labels plus
 * `vm.kubevirt.io/name` and `vmi.kubevirt.io/id`, which `virtctl expose` and the OpenShift plugin use).
 */
export function vmLabelSets(
  vm: V1VirtualMachine,
  vmi: V1VirtualMachineInstance | undefined,
  pods: IoK8sApiCoreV1Pod[] = [],
): Labels[] {
  const name = vm.metadata?.name ?? '';
  const expected: Labels = {
    ...(vm.spec?.template?.metadata?.labels ?? {}),
    'kubevirt.io': 'virt-launcher',
    'vm.kubevirt.io/name': name,
    'vmi.kubevirt.io/id': name,
  };
  const sets = [expected];
  if (vmi?.metadata?.labels) sets.push({ ...vmi.metadata.labels });
  for (const pod of pods) if (pod.metadata?.labels) sets.push({ ...pod.metadata.labels });
  return sets;
}

/** The Services (of the VM's namespace) whose selector matches one of the VM's label sets. */
export function servicesSelectingVm(
  services: IoK8sApiCoreV1Service[],
  vm: V1VirtualMachine,
  vmi?: V1VirtualMachineInstance,
  pods?: IoK8sApiCoreV1Pod[],
): IoK8sApiCoreV1Service[] {
  const sets = vmLabelSets(vm, vmi, pods);
  return services.filter(
    (s) => s.metadata?.namespace === vm.metadata?.namespace && sets.some((l) => selectorMatches(s.spec?.selector, l)),
  );
}
