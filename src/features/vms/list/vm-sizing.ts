/**
 * A VM's CPU and memory for the list: its own domain's, or, for a VM with an instance type, the
 * running VMI's (KubeVirt expanded the instance type into it) or else the instance type's. The
 * instance types come from one list per kind (an index), never a request per row.
 */
import type { K8sResource } from '../../../k8s/types';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { vmCpu, vmMemory, type VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';

export const CLUSTER_INSTANCETYPE = 'VirtualMachineClusterInstancetype';
export const NAMESPACED_INSTANCETYPE = 'VirtualMachineInstancetype';

export interface InstancetypeSize {
  /** spec.cpu.guest: vCPUs. */
  cpu?: number;
  /** spec.memory.guest: "4Gi". */
  memory?: string;
}

/** Instance types by "<kind>/<namespace>/<name>" (namespace '' for cluster ones). */
export type InstancetypeIndex = ReadonlyMap<string, InstancetypeSize>;

interface InstancetypeObject extends K8sResource {
  spec?: { cpu?: { guest?: number }; memory?: { guest?: string } };
}

const indexKey = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

export function instancetypeIndex(
  cluster: readonly InstancetypeObject[] | undefined,
  namespaced: readonly InstancetypeObject[] | undefined,
): InstancetypeIndex {
  const out = new Map<string, InstancetypeSize>();
  const add = (kind: string, o: InstancetypeObject, ns: string) =>
    out.set(indexKey(kind, ns, nameOf(o)), { cpu: o.spec?.cpu?.guest, memory: o.spec?.memory?.guest });
  for (const o of cluster ?? []) add(CLUSTER_INSTANCETYPE, o, '');
  for (const o of namespaced ?? []) add(NAMESPACED_INSTANCETYPE, o, namespaceOf(o));
  return out;
}

export interface VmSizing {
  /** vCPUs, undefined when not known. */
  cpu?: number;
  memory?: string;
  /** The instance type's name, undefined for a VM without one. */
  instancetype?: string;
  /** Its kind: VirtualMachineClusterInstancetype (the default) or VirtualMachineInstancetype. */
  instancetypeKind?: string;
}

function vmiCpu(vmi: VMI | undefined): number | undefined {
  const cpu = vmi?.spec?.domain?.cpu;
  if (!cpu) return undefined;
  return (cpu.sockets || 1) * (cpu.cores || 1) * (cpu.threads || 1);
}

function vmiMemory(vmi: VMI | undefined): string | undefined {
  const domain = vmi?.spec?.domain;
  const requests = domain?.resources?.requests as Record<string, string> | undefined;
  return domain?.memory?.guest ?? requests?.memory;
}

export function vmSizing(vm: VM, vmi: VMI | undefined, index: InstancetypeIndex): VmSizing {
  const matcher = vm.spec?.instancetype;
  if (!matcher?.name) return { cpu: vmCpu(vm)?.vcpus, memory: vmMemory(vm) };
  const kind = matcher.kind || CLUSTER_INSTANCETYPE;
  const ns = kind === NAMESPACED_INSTANCETYPE ? namespaceOf(vm) : '';
  const type = index.get(indexKey(kind, ns, matcher.name));
  return {
    cpu: vmiCpu(vmi) ?? type?.cpu,
    memory: vmiMemory(vmi) ?? type?.memory,
    instancetype: matcher.name,
    instancetypeKind: kind,
  };
}
