/** The overview's numbers, computed from the watched lists. Pure. */
import type { IoK8sApiCoreV1Event, IoK8sApiCoreV1Node } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { STATUS_DISPLAY_ORDER, isPrintableStatus, type PrintableStatus } from '../../kubevirt/printable-status';
import { nameOf, namespaceOf } from '../../k8s/meta';
import { namespacedPath } from '../../lib/routes';

/** VMs per printableStatus, in display order, only statuses that occur. */
export function countByStatus(vms: readonly V1VirtualMachine[]): Array<[PrintableStatus, number]> {
  const counts = new Map<PrintableStatus, number>();
  for (const vm of vms) {
    const s = vm.status?.printableStatus;
    const status: PrintableStatus = s && isPrintableStatus(s) ? s : 'Unknown';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return STATUS_DISPLAY_ORDER.filter((s) => counts.has(s)).map((s) => [s, counts.get(s) as number]);
}

export interface NodeSummary {
  name: string;
  ready: boolean;
  schedulable: boolean;
  cpu: string;
  memory: string;
  /** VMIs whose status.nodeName is this node, sorted by namespace/name. */
  vmis: Array<{ namespace: string; name: string; owner?: string }>;
}

const UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  '': 1,
};

/** "64Gi" stays "64 GiB"; "16393900Ki" becomes "15.6 GiB"; unreadable quantities are shown as given. */
export function formatMemory(quantity: string | undefined): string {
  if (!quantity) return '-';
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P|)$/.exec(quantity);
  if (!m) return quantity;
  const bytes = Number(m[1]) * UNITS[m[2]];
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

/** The VM controlling each VMI (its controller ownerReference of kind VirtualMachine), by namespace/name; null for a VMI without one. */
export function vmiOwners(vmis: readonly V1VirtualMachineInstance[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const vmi of vmis) {
    const ref = vmi.metadata?.ownerReferences?.find((r) => r.kind === 'VirtualMachine' && r.controller !== false);
    out.set(`${namespaceOf(vmi)}/${nameOf(vmi)}`, ref?.name ?? null);
  }
  return out;
}

/**
 * Where a running VMI's name links: its VM's page, or the VMI's own page for a VMI without a VM
 * (a standalone VMI has no VM page) or while its owner is not known yet.
 */
export function vmiOrVmPath(namespace: string, name: string, owner: string | null | undefined): string {
  return owner
    ? namespacedPath('virtualmachines', namespace, owner)
    : namespacedPath('virtualmachineinstances', namespace, name);
}

/** Each node with its capacity and the VMIs running on it. */
export function nodeSummaries(
  nodes: readonly IoK8sApiCoreV1Node[],
  vmis: readonly V1VirtualMachineInstance[],
): NodeSummary[] {
  const byNode = new Map<string, NodeSummary['vmis']>();
  for (const vmi of vmis) {
    const node = vmi.status?.nodeName;
    if (!node) continue;
    const list = byNode.get(node) ?? [];
    const owner = vmi.metadata?.ownerReferences?.find((r) => r.kind === 'VirtualMachine')?.name;
    list.push({ namespace: namespaceOf(vmi), name: nameOf(vmi), owner });
    byNode.set(node, list);
  }
  return nodes
    .map((n) => {
      const name = nameOf(n);
      return {
        name,
        ready: Boolean(n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')),
        schedulable: !n.spec?.unschedulable,
        cpu: n.status?.capacity?.cpu ?? '-',
        memory: formatMemory(n.status?.capacity?.memory),
        vmis: (byNode.get(name) ?? []).sort((a, b) =>
          `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
        ),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** When an event last happened (series, lastTimestamp, eventTime, then creation). */
export const eventTime = (e: IoK8sApiCoreV1Event): string =>
  e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';

/** The newest Warning events first, at most `limit`. */
export function recentWarnings(events: readonly IoK8sApiCoreV1Event[], limit = 10): IoK8sApiCoreV1Event[] {
  return events
    .filter((e) => e.type === 'Warning')
    .map((e) => ({ e, t: Date.parse(eventTime(e)) || 0 }))
    .sort((a, b) => b.t - a.t)
    .slice(0, limit)
    .map(({ e }) => e);
}
