/**
 * `scale:N`: N VMs in namespace `scale`, mixed states. Running VMs are written directly in their
 * steady state (VM, Running VMI, Running launcher pod), as a long-running cluster would hold
 * them, so that starting with 10,000 VMs does not replay 10,000 boots; their guests are created
 * on first console use. 60 % Stopped, 30 % Running, 5 % Manual (stopped), 4 % starting through
 * the controllers, 1 % unschedulable.
 */
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { ensureInfrastructure } from '../controllers/infra/cluster-infra.js';
import { IDENTITY, clientAs, kubeletIdentity } from '../runtime/identity.js';
import { macFromSeed, podCidrForNode, CidrAllocator } from '../kubevirt/ipam.js';
import { VM_FINALIZER, VMI_FINALIZER, vmiFromVm } from '../kubevirt/vmi-from-vm.js';
import { launcherPod } from '../kubevirt/launcher-pod.js';
import { vmManifest } from './manifests.js';

const PODS_PER_NODE = 100;
const NS = 'scale';

type Kind = 'stopped' | 'running' | 'manual' | 'starting' | 'unschedulable';

export function scaleKind(i: number): Kind {
  const r = i % 100;
  if (r < 60) return 'stopped';
  if (r < 90) return 'running';
  if (r < 95) return 'manual';
  if (r < 99) return 'starting';
  return 'unschedulable';
}

export function seedScale(client: ClusterClient, n: number): void {
  const running = Array.from({ length: n }, (_, i) => scaleKind(i)).filter(
    (k) => k === 'running' || k === 'starting',
  ).length;
  const nodeCount = Math.max(3, Math.ceil(running / PODS_PER_NODE) + 1);
  ensureInfrastructure(client, nodeCount);
  if (!client.tryGet(ResourceKey.namespaces, undefined, NS))
    client.create(ResourceKey.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  // What a running cluster holds was written by KubeVirt and the kubelets, not by a user.
  const controller = clientAs(client, IDENTITY.kubevirtController);
  const cidrs = Array.from({ length: nodeCount }, (_, i) => new CidrAllocator(podCidrForNode(i)));
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  let placed = 0;
  for (let i = 0; i < n; i++) {
    const kind = scaleKind(i);
    const name = `vm-${String(i).padStart(5, '0')}`;
    const runStrategy = kind === 'stopped' ? 'Halted' : kind === 'manual' ? 'Manual' : 'Always';
    const vm = vmManifest({
      name,
      namespace: NS,
      runStrategy,
      image: i % 3 === 0 ? 'quay.io/containerdisks/fedora:41' : 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2',
      memory: kind === 'unschedulable' ? '512Gi' : '128Mi',
      labels: { tier: ['web', 'db', 'batch'][i % 3] },
    });
    // The tier labels the VM too, so that `-l tier=db` (and the console's label filter) selects by it.
    vm.metadata.labels = { ...vm.metadata.labels, tier: ['web', 'db', 'batch'][i % 3] };
    const createdVm = client.create(
      ResourceKey.vms,
      { ...vm, metadata: { ...vm.metadata, finalizers: [VM_FINALIZER] } },
      { fieldManager: 'seed' },
    );
    if (kind !== 'running') continue;
    const nodeIndex = Math.floor(placed / PODS_PER_NODE) % nodeCount;
    placed++;
    const node = `node${String(nodeIndex + 1).padStart(2, '0')}`;
    const ip = cidrs[nodeIndex].allocate();
    const base = vmiFromVm(client, createdVm);
    base.metadata.finalizers = [VM_FINALIZER, VMI_FINALIZER];
    base.metadata.labels = { ...(base.metadata.labels ?? {}), 'kubevirt.io/nodeName': node };
    const podName = `virt-launcher-${name}-${name.slice(-5).replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)])}`;
    const cond = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: now });
    // A VMI has no /status subresource: it is created directly in its Running state.
    const uid = crypto.randomUUID();
    base.status = {
      phase: 'Running',
      nodeName: node,
      phaseTransitionTimestamps: ['Pending', 'Scheduling', 'Scheduled', 'Running'].map((phase) => ({
        phase,
        phaseTransitionTimestamp: now,
      })),
      conditions: [cond('Ready'), cond('LiveMigratable')],
      interfaces: [
        {
          name: 'default',
          ipAddress: ip,
          ipAddresses: [ip],
          mac: macFromSeed(`${uid}/default`),
          infoSource: 'domain',
          queueCount: 1,
          podInterfaceName: 'eth0',
        },
      ],
      guestOSInfo: {},
      qosClass: 'Burstable',
      migrationMethod: 'BlockMigration',
      migrationTransport: 'Unix',
      launcherContainerImageVersion: 'quay.io/kubevirt/virt-launcher:v1.6.2',
    };
    const vmi = controller.create(ResourceKey.vmis, base, { fieldManager: 'seed' });
    const podSpec = launcherPod(vmi);
    const pod = controller.create(
      ResourceKey.pods,
      {
        ...podSpec,
        metadata: { ...podSpec.metadata, name: podName },
        spec: { ...(podSpec.spec as object), nodeName: node },
      },
      { fieldManager: 'seed' },
    );
    // the kubelet's status as the API carries it (lastProbeTime null, no imageID yet): a plain object
    clientAs(client, kubeletIdentity(node)).mutate<string>(
      ResourceKey.pods,
      NS,
      pod.metadata.name ?? '',
      (o) => {
        o.status = {
          phase: 'Running',
          hostIP: `192.168.66.${101 + nodeIndex}`,
          podIP: ip,
          podIPs: [{ ip }],
          startTime: now,
          qosClass: 'Burstable',
          conditions: [
            'kubevirt.io/virtual-machine-unpaused',
            'PodReadyToStartContainers',
            'Initialized',
            'Ready',
            'ContainersReady',
            'PodScheduled',
          ].map(cond),
          containerStatuses: (o.spec as { containers: Array<{ name: string; image: string }> }).containers.map((c) => ({
            name: c.name,
            image: c.image,
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: now } },
          })),
        };
      },
      { subresource: 'status' },
    );
  }
}
