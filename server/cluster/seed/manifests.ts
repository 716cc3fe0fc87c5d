/** Builders for the seed's VirtualMachines and Services (plain manifests a user could apply). */
import type { KObject } from '../store/index.js';

export interface VmSpecOptions {
  name: string;
  namespace: string;
  runStrategy: 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure' | 'Once';
  image?: string;
  memory?: string;
  cores?: number;
  labels?: Record<string, string>;
  userData?: string;
  /** Masquerade interface with these ports (default: masquerade without ports). */
  ports?: Array<{ name: string; port: number }>;
  dataVolume?: { url: string; storage: string };
  startPaused?: boolean;
  os?: string;
}

export function vmManifest(o: VmSpecOptions): KObject {
  const labels = { 'kubevirt.io/domain': o.name, ...(o.labels ?? {}) };
  const volumes: Array<Record<string, unknown>> = [];
  const disks: Array<Record<string, unknown>> = [];
  if (o.dataVolume) {
    volumes.push({ name: 'rootdisk', dataVolume: { name: `${o.name}-rootdisk` } });
  } else {
    volumes.push({ name: 'containerdisk', containerDisk: { image: o.image ?? 'quay.io/containerdisks/fedora:41' } });
  }
  disks.push({ name: volumes[0].name, disk: { bus: 'virtio' } });
  if (o.userData) {
    volumes.push({ name: 'cloudinitdisk', cloudInitNoCloud: { userData: o.userData } });
    disks.push({ name: 'cloudinitdisk', disk: { bus: 'virtio' } });
  }
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: { app: o.name, ...(o.os ? { 'vm.kubevirt.io/os': o.os } : {}) },
      ...(o.os ? { annotations: { 'vm.kubevirt.io/os': o.os } } : {}),
    },
    spec: {
      runStrategy: o.runStrategy,
      ...(o.dataVolume
        ? {
            dataVolumeTemplates: [
              {
                metadata: { name: `${o.name}-rootdisk` },
                spec: {
                  source: { http: { url: o.dataVolume.url } },
                  storage: { resources: { requests: { storage: o.dataVolume.storage } } },
                },
              },
            ],
          }
        : {}),
      template: {
        metadata: { labels, ...(o.os ? { annotations: { 'vm.kubevirt.io/os': o.os } } : {}) },
        spec: {
          ...(o.startPaused ? { startStrategy: 'Paused' } : {}),
          domain: {
            cpu: { cores: o.cores ?? 1, sockets: 1, threads: 1 },
            memory: { guest: o.memory ?? '2Gi' },
            devices: {
              disks,
              interfaces: [
                {
                  name: 'default',
                  masquerade: {},
                  ...(o.ports ? { ports: o.ports.map((p) => ({ ...p, protocol: 'TCP' })) } : {}),
                },
              ],
              rng: {},
            },
            resources: {},
          },
          networks: [{ name: 'default', pod: {} }],
          terminationGracePeriodSeconds: 180,
          volumes,
        },
      },
    },
  };
}

export function serviceManifest(
  name: string,
  namespace: string,
  selector: Record<string, string>,
  ports: Array<{ name: string; port: number; targetPort: number }>,
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' = 'ClusterIP',
): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type, selector, ports: ports.map((p) => ({ ...p, protocol: 'TCP' })) },
  };
}

export const FEDORA_USERDATA = '#cloud-config\nuser: fedora\npassword: fedora\nchpasswd: { expire: False }\n';
export const CENTOS_USERDATA = '#cloud-config\nuser: cloud-user\npassword: centos\nchpasswd: { expire: False }\n';
