/** The status virt-handler reports for a running domain: interfaces, migratability, topology. */
import { ResourceKey, type ClusterClient } from '../../runtime/client.js';
import type { GuestOs } from '../../kubevirt/conventions.js';
import { macFromSeed } from '../../kubevirt/ipam.js';
import { formatBytes } from '../../kubevirt/quantity.js';
import { guestMemory } from '../../kubevirt/launcher-pod.js';
import type { Condition, VMI } from '../../kubevirt/types.js';
import { KUBEVIRT_VERSION } from '../../kubevirt/versions.js';

export interface NetInfo {
  ip: string;
  mac: string;
}

/** The MAC of the VMI's first interface: its spec.macAddress or a stable generated one. */
export function primaryMac(vmi: VMI): string {
  const iface = vmi.spec?.domain?.devices?.interfaces?.[0];
  return iface?.macAddress || macFromSeed(`${vmi.metadata.uid}/${iface?.name ?? 'default'}`);
}

export function interfacesStatus(
  vmi: VMI,
  ip: string,
  agent: boolean,
  booted: boolean,
): Array<Record<string, unknown>> {
  const networks = new Map((vmi.spec?.networks ?? []).map((n) => [n.name, n]));
  return (vmi.spec?.domain?.devices?.interfaces ?? []).map((iface, i) => {
    const net = networks.get(iface.name);
    const mac = iface.macAddress || (i === 0 ? primaryMac(vmi) : macFromSeed(`${vmi.metadata.uid}/${iface.name}`));
    const onPod = !!net?.pod;
    const withAgent = agent && booted;
    return {
      name: iface.name,
      mac,
      ...(onPod ? { ipAddress: ip, ipAddresses: [ip] } : {}),
      infoSource: withAgent ? 'domain, guest-agent' : 'domain',
      ...(withAgent ? { interfaceName: `eth${i}` } : {}),
      queueCount: 1,
      ...(onPod ? { podInterfaceName: 'eth0' } : {}),
      linkState: 'up',
    };
  });
}

/** LiveMigratable as virt-handler computes it (pod-network binding, shared storage). */
export function liveMigratable(client: ClusterClient, vmi: VMI): Condition {
  const networks = new Map((vmi.spec?.networks ?? []).map((n) => [n.name, n]));
  const bridgeOnPod = (vmi.spec?.domain?.devices?.interfaces ?? []).some((i) => i.bridge && networks.get(i.name)?.pod);
  const allowBridge = vmi.metadata.annotations?.['kubevirt.io/allow-pod-bridge-network-live-migration'] !== undefined;
  if (bridgeOnPod && !allowBridge) {
    return {
      type: 'LiveMigratable',
      status: 'False',
      reason: 'InterfaceNotLiveMigratable',
      message:
        'cannot migrate VMI which does not use masquerade, bridge with kubevirt.io/allow-pod-bridge-network-live-migration VM annotation or a migratable plugin to connect to the pod network',
    };
  }
  for (const v of vmi.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    if (!claim) continue;
    const pvc = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim);
    const modes = pvc?.status?.accessModes ?? pvc?.spec?.accessModes ?? [];
    if (!modes.includes('ReadWriteMany')) {
      return {
        type: 'LiveMigratable',
        status: 'False',
        reason: 'DisksNotLiveMigratable',
        message: `cannot migrate VMI: PVC ${claim} is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`,
      };
    }
  }
  return { type: 'LiveMigratable', status: 'True' };
}

export function migrationMethod(vmi: VMI): string {
  const local = (vmi.spec?.volumes ?? []).some((v) => v.containerDisk || v.emptyDisk || v.ephemeral);
  return local ? 'BlockMigration' : 'LiveMigration';
}

/** Fields virt-handler fills when the domain starts. */
export function domainStartedFields(vmi: VMI, net: NetInfo, os: GuestOs): Record<string, unknown> {
  const cpu = vmi.spec?.domain?.cpu;
  const mem = formatBytes(guestMemory(vmi));
  const disks = vmi.spec?.domain?.devices?.disks ?? [];
  return {
    interfaces: interfacesStatus(vmi, net.ip, os.agent, false),
    launcherContainerImageVersion: `quay.io/kubevirt/virt-launcher:${KUBEVIRT_VERSION}`,
    migrationMethod: migrationMethod(vmi),
    migrationTransport: 'Unix',
    currentCPUTopology: { cores: cpu?.cores ?? 1, sockets: cpu?.sockets ?? 1, threads: cpu?.threads ?? 1 },
    memory: { guestAtBoot: mem, guestCurrent: mem, guestRequested: mem },
    machine: { type: 'pc-q35-rhel9.6.0' },
    qosClass: 'Burstable',
    runtimeUser: 107,
    selinuxContext: 'none',
    volumeStatus: (vmi.spec?.volumes ?? []).map((v) => {
      const idx = disks.findIndex((d) => d.name === v.name);
      const target = idx >= 0 ? `vd${String.fromCharCode(97 + idx)}` : '';
      const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
      return {
        name: v.name,
        target,
        ...(claim ? { persistentVolumeClaimInfo: { claimName: claim, volumeMode: 'Filesystem' } } : {}),
        ...(v.containerDisk ? { containerDiskVolume: { checksum: 1234567890 } } : {}),
      };
    }),
  };
}
