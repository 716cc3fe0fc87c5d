/**
 * Node capacity and allocation as `kubectl describe node` computes them: the requests of every
 * pod bound to the node that has not finished (Succeeded/Failed), where a pod's request is
 * max(sum of its containers, largest init container) plus its overhead. virt-launcher pods carry
 * the VMs' requests (guest memory plus KubeVirt's overhead), so this is what VMs use of a node.
 */
import type { IoK8sApiCoreV1Node, IoK8sApiCoreV1Pod } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { isLauncherPod } from '../../../kubevirt/launcher-pod';
import { parseQuantity } from '../../../lib/quantity';
import { nameOf, namespaceOf } from '../../../k8s/meta';

export interface Resources {
  /** Cores. */
  cpu: number;
  /** Bytes. */
  memory: number;
}

export interface ResourceUse {
  capacity: number;
  allocatable: number;
  requested: number;
  /** requested / allocatable, 0–100 (may pass 100 on an overcommitted node); undefined without allocatable. */
  percent: number | undefined;
}

export interface NodeAllocation {
  name: string;
  cpu: ResourceUse;
  memory: ResourceUse;
  /** Pods counted (bound, not finished). */
  pods: number;
  /** virt-launcher pods among them. */
  launcherPods: number;
  /** VMIs whose status.nodeName is this node, "namespace/name". */
  vms: Array<{ namespace: string; name: string }>;
  vmCapable: VmCapability;
}

export interface VmCapability {
  canRunVms: boolean;
  /** Why not, in the words a user can act on. */
  reason?: string;
}

type ResourceList = Record<string, string | number | undefined> | undefined;

const quantity = (list: ResourceList, key: keyof Resources): number => parseQuantity(list?.[key] ?? undefined) ?? 0;

function sum(lists: ResourceList[]): Resources {
  return lists.reduce<Resources>(
    (acc, l) => ({ cpu: acc.cpu + quantity(l, 'cpu'), memory: acc.memory + quantity(l, 'memory') }),
    { cpu: 0, memory: 0 },
  );
}

/** A pod's effective requests (kubectl's resourcehelper.PodRequests). */
export function podRequests(pod: IoK8sApiCoreV1Pod): Resources {
  const spec = pod.spec;
  const containers = sum((spec?.containers ?? []).map((c) => c.resources?.requests as ResourceList));
  const overhead = sum([spec?.overhead as ResourceList]);
  let cpu = containers.cpu;
  let memory = containers.memory;
  for (const init of spec?.initContainers ?? []) {
    const r = init.resources?.requests as ResourceList;
    cpu = Math.max(cpu, quantity(r, 'cpu'));
    memory = Math.max(memory, quantity(r, 'memory'));
  }
  return { cpu: cpu + overhead.cpu, memory: memory + overhead.memory };
}

const finished = (pod: IoK8sApiCoreV1Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** Whether KubeVirt may schedule VMs on the node: virt-handler's schedulable label, Ready, not cordoned. */
export function vmCapability(node: IoK8sApiCoreV1Node): VmCapability {
  if (node.metadata?.labels?.['kubevirt.io/schedulable'] !== 'true') {
    return {
      canRunVms: false,
      reason: 'Not marked kubevirt.io/schedulable (no virt-handler, or no virtualization support)',
    };
  }
  if (node.spec?.unschedulable) return { canRunVms: false, reason: 'Cordoned (unschedulable)' };
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status !== 'True')
    return { canRunVms: false, reason: `Not ready${ready?.reason ? `: ${ready.reason}` : ''}` };
  return { canRunVms: true };
}

function resourceUse(capacity: number, allocatable: number, requested: number): ResourceUse {
  return { capacity, allocatable, requested, percent: allocatable > 0 ? (requested / allocatable) * 100 : undefined };
}

export function nodeAllocation(
  node: IoK8sApiCoreV1Node,
  pods: IoK8sApiCoreV1Pod[],
  vmis: V1VirtualMachineInstance[],
): NodeAllocation {
  const name = nameOf(node);
  const bound = pods.filter((p) => p.spec?.nodeName === name && !finished(p));
  const requested = bound.reduce<Resources>(
    (acc, p) => {
      const r = podRequests(p);
      return { cpu: acc.cpu + r.cpu, memory: acc.memory + r.memory };
    },
    { cpu: 0, memory: 0 },
  );
  const capacity = node.status?.capacity as ResourceList;
  const allocatable = (node.status?.allocatable as ResourceList) ?? capacity;
  const vms = vmis
    .filter((v) => v.status?.nodeName === name && v.status?.phase !== 'Succeeded' && v.status?.phase !== 'Failed')
    .map((v) => ({ namespace: namespaceOf(v), name: nameOf(v) }))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  return {
    name,
    cpu: resourceUse(quantity(capacity, 'cpu'), quantity(allocatable, 'cpu'), requested.cpu),
    memory: resourceUse(quantity(capacity, 'memory'), quantity(allocatable, 'memory'), requested.memory),
    pods: bound.length,
    launcherPods: bound.filter(isLauncherPod).length,
    vms,
    vmCapable: vmCapability(node),
  };
}

/** One row per node, by name. */
export function clusterAllocation(
  nodes: IoK8sApiCoreV1Node[],
  pods: IoK8sApiCoreV1Pod[],
  vmis: V1VirtualMachineInstance[],
): NodeAllocation[] {
  return nodes.map((n) => nodeAllocation(n, pods, vmis)).sort((a, b) => a.name.localeCompare(b.name));
}
