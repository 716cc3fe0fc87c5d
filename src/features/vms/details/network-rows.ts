import type { V1Interface, V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export interface NetworkRow {
  name: string;
  model: string;
  /** masquerade, bridge, sriov, ... or a network binding plugin's name. */
  binding: string;
  /** "Pod networking" or the Multus NetworkAttachmentDefinition. */
  network: string;
  mac?: string;
  ips: string[];
}

const BINDINGS = ['masquerade', 'bridge', 'sriov', 'slirp', 'passt', 'macvtap'] as const;

function bindingOf(iface: V1Interface): string {
  for (const b of BINDINGS) if (iface[b]) return b;
  if (iface.binding?.name) return iface.binding.name;
  return '-';
}

/**
 * The Network interfaces tab's rows: the template's interfaces with their networks, and the
 * running VMI's MAC and IP addresses. Interfaces the guest reports that the spec lacks are added.
 */
export function networkRows(vm: V1VirtualMachine, vmi?: V1VirtualMachineInstance): NetworkRow[] {
  const spec = vm.spec?.template?.spec;
  const networks = new Map((spec?.networks ?? []).map((n) => [n.name, n]));
  const live = vmi?.status?.interfaces ?? [];
  const liveByName = new Map(live.filter((i) => i.name).map((i) => [i.name as string, i]));
  const rows: NetworkRow[] = (spec?.domain?.devices?.interfaces ?? []).map((iface) => {
    const net = networks.get(iface.name);
    const status = liveByName.get(iface.name);
    return {
      name: iface.name,
      model: iface.model ?? 'virtio',
      binding: bindingOf(iface),
      network: net?.multus ? net.multus.networkName : net?.pod ? 'Pod networking' : '-',
      mac: status?.mac ?? iface.macAddress,
      ips: status?.ipAddresses?.length ? status.ipAddresses : status?.ipAddress ? [status.ipAddress] : [],
    };
  });
  const known = new Set(rows.map((r) => r.name));
  for (const i of live) {
    if (!i.name || known.has(i.name)) continue;
    rows.push({
      name: i.name,
      model: '-',
      binding: '-',
      network: i.infoSource ? `Reported by ${i.infoSource}` : '-',
      mac: i.mac,
      ips: i.ipAddresses?.length ? i.ipAddresses : i.ipAddress ? [i.ipAddress] : [],
    });
  }
  return rows;
}
