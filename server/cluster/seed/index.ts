/**
 * Seed data for the embedded cluster: `default` (a small demo of VMs in different states),
 * `none`, or `scale:N` (N VMs in mixed states for benchmarks). Runs before the controllers
 * start; they then bring everything up the way KubeVirt would.
 */
import type { ClusterClient, KObject } from '../runtime/client.js';
import { ResourceKey } from '../runtime/client.js';
import { ensureInfrastructure } from '../controllers/infra/cluster-infra.js';
import { storeClient } from '../runtime/store-client.js';
import type { Store } from '../store/index.js';
import { CENTOS_USERDATA, FEDORA_USERDATA, serviceManifest, vmManifest } from './manifests.js';
import { seedScale } from './scale.js';

function ensure(client: ClusterClient, res: string, obj: KObject): void {
  if (!client.tryGet(res, obj.metadata.namespace, obj.metadata.name ?? ''))
    client.create(res, obj, { fieldManager: 'seed' });
}

export function seedDefault(client: ClusterClient): void {
  ensure(client, ResourceKey.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
  const objects: Array<[string, KObject]> = [
    [
      ResourceKey.vms,
      vmManifest({
        name: 'fedora-web',
        namespace: 'demo',
        runStrategy: 'Always',
        image: 'quay.io/containerdisks/fedora:41',
        userData: `${FEDORA_USERDATA}packages:\n  - nginx\nruncmd:\n  - [ "systemctl", "enable", "--now", "nginx" ]\n`,
        ports: [{ name: 'http', port: 80 }],
        labels: { app: 'web' },
        os: 'fedora',
      }),
    ],
    [
      ResourceKey.services,
      serviceManifest('fedora-web', 'demo', { app: 'web' }, [{ name: 'http', port: 80, targetPort: 80 }]),
    ],
    [
      ResourceKey.services,
      serviceManifest(
        'fedora-web-ssh',
        'demo',
        { 'vm.kubevirt.io/name': 'fedora-web' },
        [{ name: 'ssh', port: 22, targetPort: 22 }],
        'NodePort',
      ),
    ],
    [
      ResourceKey.vms,
      vmManifest({
        name: 'cirros-stopped',
        namespace: 'demo',
        runStrategy: 'Halted',
        image: 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2',
        memory: '128Mi',
        os: 'cirros',
      }),
    ],
    [
      ResourceKey.vms,
      vmManifest({
        name: 'centos-stream9',
        namespace: 'demo',
        runStrategy: 'Always',
        dataVolume: {
          url: 'https://cloud.centos.org/centos/9-stream/x86_64/images/CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2',
          storage: '30Gi',
        },
        userData: CENTOS_USERDATA,
        os: 'centos',
      }),
    ],
    [
      ResourceKey.vms,
      vmManifest({
        name: 'big-database',
        namespace: 'demo',
        runStrategy: 'Always',
        memory: '256Gi',
        cores: 8,
        image: 'quay.io/containerdisks/centos-stream:9',
        os: 'centos',
      }),
    ],
    [
      ResourceKey.vms,
      vmManifest({
        name: 'ubuntu-paused',
        namespace: 'demo',
        runStrategy: 'Always',
        image: 'quay.io/containerdisks/ubuntu:24.04',
        startPaused: true,
        os: 'ubuntu',
        memory: '1Gi',
      }),
    ],
    [
      ResourceKey.vms,
      vmManifest({
        name: 'broken-image',
        namespace: 'demo',
        runStrategy: 'Always',
        image: 'registry.unreachable.invalid/os/fedora:41',
        memory: '1Gi',
      }),
    ],
    [
      ResourceKey.vms,
      vmManifest({
        name: 'fedora-manual',
        namespace: 'default',
        runStrategy: 'Manual',
        image: 'quay.io/containerdisks/fedora:41',
        userData: FEDORA_USERDATA,
        os: 'fedora',
        memory: '1Gi',
      }),
    ],
    [
      ResourceKey.vmis,
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachineInstance',
        metadata: { name: 'vmi-ephemeral', namespace: 'default', labels: { special: 'vmi-ephemeral' } },
        spec: {
          domain: {
            devices: { disks: [{ name: 'containerdisk', disk: { bus: 'virtio' } }] },
            memory: { guest: '128Mi' },
            resources: {},
          },
          terminationGracePeriodSeconds: 0,
          volumes: [
            { name: 'containerdisk', containerDisk: { image: 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2' } },
          ],
        },
      },
    ],
  ];
  for (const [res, obj] of objects) ensure(client, res, obj);
}

export function seedCluster(store: Store, seed: string): void {
  seedWith(storeClient(store), seed);
}

/** The same seeds through any client (the real stack's: server/stack/cli.ts). */
export function seedWith(client: ClusterClient, seed: string): void {
  if (seed === 'none') return;
  if (seed === 'default') {
    ensureInfrastructure(client);
    seedDefault(client);
    return;
  }
  const m = /^scale:(\d+)$/.exec(seed);
  if (m) {
    seedScale(client, Number(m[1]));
    return;
  }
  throw new Error(`unknown seed "${seed}": use default, none or scale:<N>`);
}
