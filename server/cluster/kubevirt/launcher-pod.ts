/**
 * The virt-launcher pod for a VMI (pkg/virt-controller/services/template.go, abridged): labels,
 * annotations, owner, resource requests with KubeVirt's memory overhead, one container for the
 * compute process, one per containerDisk and guest-console-log (serial-console-log.go), node selector
 * and affinity from the VMI.
 */
import type { KObject } from '../runtime/client.js';
import { LAUNCHER_IMAGE } from './versions.js';
import { quantityValue } from '../apimachinery/quantity.js';
import { formatBytes, formatCpu, type Requests } from './quantity.js';
import type { VMI } from './types.js';

const Mi = 2 ** 20;

export function vcpus(vmi: VMI): number {
  const cpu = vmi.spec?.domain?.cpu;
  return Math.max(1, (cpu?.cores ?? 1) * (cpu?.sockets ?? 1) * (cpu?.threads ?? 1));
}

export function guestMemory(vmi: VMI): number {
  const d = vmi.spec?.domain;
  return quantityValue(d?.memory?.guest ?? d?.resources?.requests?.memory ?? '0');
}

/** virt-launcher overhead: ~180Mi for the launcher and QEMU, 8Mi per vCPU, page tables. */
export function launcherRequests(vmi: VMI): Requests {
  const d = vmi.spec?.domain;
  const requestedMem = quantityValue(d?.resources?.requests?.memory ?? d?.memory?.guest ?? '0');
  const overhead = 180 * Mi + 8 * Mi * vcpus(vmi) + Math.ceil(guestMemory(vmi) / 512);
  const cpu = d?.resources?.requests?.cpu;
  return { memory: requestedMem + overhead, cpu: cpu ? quantityValue(cpu) : vcpus(vmi) / 10 };
}

export function launcherLabels(vmi: VMI): Record<string, string> {
  return {
    ...(vmi.metadata.labels ?? {}),
    'kubevirt.io': 'virt-launcher',
    'kubevirt.io/created-by': vmi.metadata.uid ?? '',
    'vm.kubevirt.io/name': vmi.metadata.name ?? '',
    'vmi.kubevirt.io/id': vmi.metadata.name ?? '',
  };
}

export function containerDiskImages(vmi: VMI): Array<{ volume: string; image: string }> {
  return (vmi.spec?.volumes ?? []).flatMap((v) =>
    v.containerDisk?.image ? [{ volume: v.name, image: v.containerDisk.image }] : [],
  );
}

/**
 * Whether the serial console's log is streamed by a guest-console-log container, as KubeVirt's
 * isSerialConsoleLogEnabled decides: not without the auto-attached serial console, the VMI's
 * logSerialConsole when set, otherwise unless the cluster's configuration disables it.
 */
export function serialConsoleLogEnabled(vmi: VMI, clusterDisabled: boolean): boolean {
  const devices = vmi.spec?.domain?.devices as
    { autoattachSerialConsole?: boolean; logSerialConsole?: boolean } | undefined;
  if (devices?.autoattachSerialConsole === false) return false;
  if (typeof devices?.logSerialConsole === 'boolean') return devices.logSerialConsole;
  return !clusterDisabled;
}

/** KubeVirt's guest-console-log container: virt-tail of the serial console's log file. */
function guestConsoleLogContainer(vmi: VMI): Record<string, unknown> {
  return {
    name: 'guest-console-log',
    image: LAUNCHER_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: ['/usr/bin/virt-tail'],
    args: ['--logfile', `/var/run/kubevirt-private/${vmi.metadata.uid ?? ''}/virt-serial0-log`],
    env: [{ name: 'VIRT_LAUNCHER_LOG_VERBOSITY', value: '2' }],
    resources: { requests: { cpu: '5m', memory: '35M' }, limits: { cpu: '15m', memory: '60M' } },
    securityContext: {
      runAsUser: 107,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
  };
}

/**
 * The virt-launcher pod of a VMI (or a migration's target). Under useEmulation (`emulation`) it asks
 * for no /dev/kvm, as virt-controller does, so it also fits nodes without KVM.
 */
export function launcherPod(
  vmi: VMI,
  extraLabels: Record<string, string> = {},
  extraAffinity?: unknown,
  emulation = false,
  serialConsoleLogDisabled = false,
): KObject {
  const name = vmi.metadata.name ?? '';
  const req = launcherRequests(vmi);
  const spec = vmi.spec ?? ({} as NonNullable<VMI['spec']>);
  const grace = (spec.terminationGracePeriodSeconds ?? 180) + 15;
  const memory = formatBytes(Math.ceil(req.memory / 1024) * 1024);
  const containers: Array<Record<string, unknown>> = [
    {
      name: 'compute',
      image: LAUNCHER_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      command: [
        '/usr/bin/virt-launcher-monitor',
        '--qemu-timeout',
        '288s',
        '--name',
        name,
        '--uid',
        vmi.metadata.uid ?? '',
        '--namespace',
        vmi.metadata.namespace ?? '',
        '--kubevirt-share-dir',
        '/var/run/kubevirt',
        '--ephemeral-disk-dir',
        '/var/run/kubevirt-ephemeral-disks',
        '--container-disk-dir',
        '/var/run/kubevirt/container-disks',
        '--grace-period-seconds',
        String(grace),
        '--hook-sidecars',
        '0',
        '--ovmf-path',
        '/usr/share/OVMF',
        '--run-as-nonroot',
      ],
      resources: {
        requests: { cpu: formatCpu(req.cpu), memory, 'ephemeral-storage': '50M' },
        limits: {
          ...(emulation ? {} : { 'devices.kubevirt.io/kvm': '1' }),
          'devices.kubevirt.io/tun': '1',
          'devices.kubevirt.io/vhost-net': '1',
        },
      },
      securityContext: {
        runAsUser: 107,
        runAsGroup: 107,
        runAsNonRoot: true,
        capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      },
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
    ...containerDiskImages(vmi).map(({ volume, image }) => ({
      name: `volume${volume}`,
      image,
      imagePullPolicy: image.endsWith(':latest') || !image.includes(':') ? 'Always' : 'IfNotPresent',
      command: ['/usr/bin/container-disk'],
      args: ['--copy-path', `/var/run/kubevirt-ephemeral-disks/container-disk-data/${vmi.metadata.uid}/disk_${volume}`],
      resources: {
        requests: { cpu: '1m', memory: '1M', 'ephemeral-storage': '50M' },
        limits: { cpu: '10m', memory: '40M' },
      },
    })),
    ...(serialConsoleLogEnabled(vmi, serialConsoleLogDisabled) ? [guestConsoleLogContainer(vmi)] : []),
  ];
  const affinity = (extraAffinity ?? spec.affinity) as Record<string, unknown> | undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `virt-launcher-${name}-`,
      namespace: vmi.metadata.namespace,
      labels: { ...launcherLabels(vmi), ...extraLabels },
      annotations: {
        'kubevirt.io/domain': name,
        'kubevirt.io/migrationTransportUnix': 'true',
        'kubectl.kubernetes.io/default-container': 'compute',
        'post.hook.backup.velero.io/command': `["/usr/bin/virt-freezer", "--unfreeze", "--name", "${name}", "--namespace", "${vmi.metadata.namespace}"]`,
        'post.hook.backup.velero.io/container': 'compute',
        'pre.hook.backup.velero.io/command': `["/usr/bin/virt-freezer", "--freeze", "--name", "${name}", "--namespace", "${vmi.metadata.namespace}"]`,
        'pre.hook.backup.velero.io/container': 'compute',
      },
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachineInstance',
          name,
          uid: vmi.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers,
      nodeSelector: { 'kubevirt.io/schedulable': 'true', ...(spec.nodeSelector ?? {}) },
      ...(affinity ? { affinity } : {}),
      ...(spec.tolerations ? { tolerations: spec.tolerations } : {}),
      ...(spec.priorityClassName ? { priorityClassName: spec.priorityClassName } : {}),
      hostname: spec.hostname ?? name,
      ...(spec.subdomain ? { subdomain: spec.subdomain } : {}),
      restartPolicy: 'Never',
      schedulerName: spec.schedulerName ?? 'default-scheduler',
      serviceAccountName: 'default',
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: grace,
      dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
      enableServiceLinks: false,
      securityContext: { runAsUser: 107, runAsGroup: 107, runAsNonRoot: true, fsGroup: 107 },
      readinessGates: [{ conditionType: 'kubevirt.io/virtual-machine-unpaused' }],
    },
  };
}
