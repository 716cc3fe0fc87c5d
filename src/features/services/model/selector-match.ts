/**
 * Which virtual machines a Service selects. A Service selects pods; a VM's pod is its virt-launcher
 * pod, which carries the VMI's labels (the VM's template labels) plus `kubevirt.io: virt-launcher`,
 * `vm.kubevirt.io/name: <name>` and `vmi.kubevirt.io/id: <name>`. Matching against those label sets
 * finds the Services of stopped VMs too, whose pods do not exist yet.
 */
import { nameOf, namespaceOf, objectKeyOf, selectorMatches } from '../../../k8s/meta';
import { vmLauncherLabels, vmiLauncherLabels } from '../../../kubevirt/launcher-pod';
import { type Service, type VM, type VMI } from './types';

/** A VM, or a VMI that no VM owns, that a Service selects. */
export interface SelectedTarget {
  kind: 'VirtualMachine' | 'VirtualMachineInstance';
  name: string;
  namespace: string;
}

/** Whether a Service selects this VM (through its template labels or its running VMI's labels). */
export function serviceSelectsVm(svc: Service, vm: VM, vmi?: VMI): boolean {
  if (namespaceOf(svc) !== namespaceOf(vm)) return false;
  const selector = svc.spec?.selector;
  return (
    selectorMatches(selector, vmLauncherLabels(vm)) || (vmi ? selectorMatches(selector, vmiLauncherLabels(vmi)) : false)
  );
}

/**
 * For each Service ("ns/name"), the VMs and standalone VMIs it selects, sorted by name.
 * A VMI that has a VM of the same name counts as that VM.
 */
export function targetsByService(services: Service[], vms: VM[], vmis: VMI[]): Map<string, SelectedTarget[]> {
  const vmiByKey = new Map(vmis.map((v) => [objectKeyOf(v), v]));
  const vmKeys = new Set(vms.map(objectKeyOf));
  const standalone = vmis.filter((v) => !vmKeys.has(objectKeyOf(v)));
  const out = new Map<string, SelectedTarget[]>();
  for (const svc of services) {
    const targets: SelectedTarget[] = [];
    for (const vm of vms) {
      if (serviceSelectsVm(svc, vm, vmiByKey.get(objectKeyOf(vm)))) {
        targets.push({ kind: 'VirtualMachine', name: nameOf(vm), namespace: namespaceOf(vm) });
      }
    }
    for (const vmi of standalone) {
      if (namespaceOf(vmi) === namespaceOf(svc) && selectorMatches(svc.spec?.selector, vmiLauncherLabels(vmi))) {
        targets.push({ kind: 'VirtualMachineInstance', name: nameOf(vmi), namespace: namespaceOf(vmi) });
      }
    }
    out.set(
      objectKeyOf(svc),
      targets.sort((a, b) => a.name.localeCompare(b.name)),
    );
  }
  return out;
}

/** A port of some Service that already reaches this VM. */
export interface ExposedPort {
  service: string;
  /** The VM's port the Service forwards to (a number, or a named container port). */
  targetPort: number | string;
  protocol: string;
}

/** Every port that existing Services already forward to this VM. */
export function exposedPorts(services: Service[], vm: VM, vmi?: VMI): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const svc of services) {
    if (!serviceSelectsVm(svc, vm, vmi)) continue;
    for (const p of svc.spec?.ports ?? []) {
      out.push({ service: nameOf(svc), targetPort: p.targetPort ?? p.port, protocol: p.protocol ?? 'TCP' });
    }
  }
  return out;
}
