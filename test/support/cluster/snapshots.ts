/** Shared by the snapshot, restore and clone tests: a VM whose root disk is a DataVolume on a given storage class. */
import type { KObject } from '../../../server/cluster/store/index.js';
import { cloudConfig } from './vm-manifest.js';
import { waitFor, type Api } from './lifecycle.js';
import { SerialClient } from './serial-client.js';

export const SNAP = '/apis/snapshot.kubevirt.io/v1beta1/namespaces';
export const CLONE = '/apis/clone.kubevirt.io/v1beta1/namespaces';
export const VS = '/apis/snapshot.storage.k8s.io/v1/namespaces';

export function diskVm(name: string, storageClassName: string, runStrategy = 'Always'): KObject {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, labels: { app: 'db', team: 'qa' }, annotations: { 'example.com/owner': 'qa' } },
    spec: {
      runStrategy,
      dataVolumeTemplates: [
        {
          metadata: { name: `${name}-root` },
          spec: {
            source: { http: { url: 'https://download.fedoraproject.org/fedora-41.qcow2' } },
            storage: { storageClassName, resources: { requests: { storage: '1Gi' } } },
          },
        },
      ],
      template: {
        spec: {
          domain: {
            devices: {
              disks: [{ name: 'root', disk: { bus: 'virtio' } }],
              interfaces: [{ name: 'default', masquerade: {}, macAddress: '02:00:00:00:00:01' }],
            },
            firmware: { serial: 'serial-1', uuid: '5d307ca9-b3ef-428c-8861-06e72d69f223' },
            memory: { guest: '1Gi' },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [
            { name: 'root', dataVolume: { name: `${name}-root` } },
            { name: 'cloudinit', cloudInitNoCloud: { userData: cloudConfig('fedora', 's3cret') } },
          ],
        },
      },
    },
  };
}

export function vmSnapshot(name: string, vm: string): KObject {
  return {
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineSnapshot',
    metadata: { name },
    spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm } },
  };
}

export function vmRestore(name: string, snapshot: string, target: string): KObject {
  return {
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineRestore',
    metadata: { name },
    spec: {
      target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: target },
      virtualMachineSnapshotName: snapshot,
    },
  };
}

/** Waits for the guest agent (the AgentConnected condition on the VMI). */
export async function agentConnected(api: Api, ns: string, vm: string): Promise<void> {
  await waitFor('guest agent', async () => {
    const vmi = await api.req('GET', `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/${vm}`);
    const conds = ((vmi.json.status as { conditions?: { type: string; status: string }[] }) ?? {}).conditions ?? [];
    return conds.some((c) => c.type === 'AgentConnected' && c.status === 'True');
  });
}

export async function getStatus(api: Api, path: string): Promise<Record<string, unknown>> {
  return ((await api.req('GET', path)).json.status ?? {}) as Record<string, unknown>;
}

export async function waitStatus(
  api: Api,
  path: string,
  ok: (s: Record<string, unknown>) => boolean,
  what: string,
): Promise<Record<string, unknown>> {
  return waitFor(
    what,
    async () => {
      const s = await getStatus(api, path);
      return ok(s) ? s : undefined;
    },
    20_000,
  );
}

/** Logs in on the VMI's serial console and runs the commands; returns what the last one printed. */
export async function inGuest(api: Api, ns: string, vm: string, commands: string[]): Promise<string> {
  const serial = await SerialClient.open(
    api.wsUrl(`/apis/subresources.kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/${vm}/console`),
  );
  try {
    // a previous session may still be logged in (the console keeps its shell)
    serial.type('\r');
    await serial.waitFor(/(login: |\$ )$/);
    if (/login: $/.test(serial.output)) await serial.login('fedora', 's3cret');
    let out = '';
    for (const c of commands) out = await serial.run(c);
    return out;
  } finally {
    serial.close();
  }
}
