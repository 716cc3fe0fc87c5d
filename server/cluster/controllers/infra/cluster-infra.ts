/**
 * The cluster the controllers simulate: three schedulable nodes, the `local` default storage
 * class, KubeVirt (namespace `kubevirt`, CR Deployed) and CDI (namespace `cdi`, CR Deployed),
 * their component pods and the `kubernetes` Service. Idempotent: existing objects are kept.
 */
import { findResource } from '../../store/resources.js';
import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';
import { CDI_VERSION, KUBEVIRT_VERSION } from '../../kubevirt/versions.js';
import { podCidrForNode } from '../../kubevirt/ipam.js';

export const NODE_NAMES = ['node01', 'node02', 'node03'];
export const CLUSTER_DOMAIN = 'kubevirt.local';

export function nodeObject(
  name: string,
  index: number,
  capacity = { cpu: '16', memory: '64Gi', pods: '110' },
): KObject {
  const allocatable = {
    ...capacity,
    memory: capacity.memory,
    'ephemeral-storage': '95551679124',
    'devices.kubevirt.io/kvm': '1k',
    'devices.kubevirt.io/tun': '1k',
    'devices.kubevirt.io/vhost-net': '1k',
  };
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(index === 0 ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        'node-role.kubernetes.io/worker': '',
        'kubevirt.io/schedulable': 'true',
        'cpu-model.node.kubevirt.io/Skylake-Client-IBRS': 'true',
        cpumanager: 'false',
        'topology.kubernetes.io/zone': `zone-${String.fromCharCode(97 + (index % 3))}`,
      },
      annotations: { 'kubevirt.io/heartbeat': now, 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: podCidrForNode(index), podCIDRs: [podCidrForNode(index)] },
    status: {
      capacity: { ...allocatable, 'ephemeral-storage': '103705676Ki' },
      allocatable,
      addresses: [
        { type: 'InternalIP', address: `192.168.66.${101 + index}` },
        { type: 'Hostname', address: name },
      ],
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: crypto.randomUUID(),
        containerRuntimeVersion: 'cri-o://1.32.1',
        kernelVersion: '5.14.0-503.el9.x86_64',
        kubeProxyVersion: 'v1.32.2',
        kubeletVersion: 'v1.32.2',
        machineID: crypto.randomUUID().replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'CentOS Stream 9',
        systemUUID: crypto.randomUUID(),
      },
    },
  };
}

function ensure(client: ClusterClient, res: string, obj: KObject): KObject {
  const cur = client.tryGet(res, obj.metadata.namespace, obj.metadata.name ?? '');
  if (cur) return cur;
  const created = client.create(res, obj, { fieldManager: 'cluster-bootstrap' });
  if (obj.status && !created.status) {
    return client.mutate(
      res,
      obj.metadata.namespace,
      obj.metadata.name ?? '',
      (o) => {
        o.status = obj.status;
      },
      { subresource: 'status' },
    );
  }
  return created;
}

function systemPod(ns: string, name: string, image: string, labels: Record<string, string>, node?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: {
      containers: [
        {
          name: labels['kubevirt.io'] ?? labels['cdi.kubevirt.io'] ?? name,
          image,
          resources: { requests: { cpu: '10m', memory: '150Mi' } },
        },
      ],
      ...(node ? { nodeName: node } : {}),
      serviceAccountName: 'default',
    },
  };
}

export function ensureInfrastructure(client: ClusterClient, nodeCount = NODE_NAMES.length): void {
  for (let i = 0; i < nodeCount; i++)
    ensure(client, ResourceKey.nodes, nodeObject(`node${String(i + 1).padStart(2, '0')}`, i));
  ensure(client, ResourceKey.storageClasses, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'kubevirt.io.hostpath-provisioner',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
  });
  ensureSnapshotStorage(client);
  for (const ns of ['kubevirt', 'cdi'])
    ensure(client, ResourceKey.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  ensure(client, ResourceKey.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  });
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const available = (msg: string) => [
    {
      type: 'Available',
      status: 'True',
      reason: 'AllComponentsReady',
      message: msg,
      lastProbeTime: now,
      lastTransitionTime: now,
    },
    {
      type: 'Progressing',
      status: 'False',
      reason: 'AllComponentsReady',
      message: msg,
      lastProbeTime: now,
      lastTransitionTime: now,
    },
    {
      type: 'Degraded',
      status: 'False',
      reason: 'AllComponentsReady',
      message: msg,
      lastProbeTime: now,
      lastTransitionTime: now,
    },
  ];
  ensure(client, ResourceKey.kubevirts, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'KubeVirt',
    metadata: { name: 'kubevirt', namespace: 'kubevirt', finalizers: ['foregroundDeleteKubeVirt'] },
    spec: {
      certificateRotateStrategy: {},
      configuration: { developerConfiguration: { featureGates: ['HotplugVolumes'] } },
      customizeComponents: {},
      imagePullPolicy: 'IfNotPresent',
      workloadUpdateStrategy: {},
    },
    status: {
      phase: 'Deployed',
      conditions: available('All components are ready.'),
      observedKubeVirtVersion: KUBEVIRT_VERSION,
      observedKubeVirtRegistry: 'quay.io/kubevirt',
      targetKubeVirtVersion: KUBEVIRT_VERSION,
      targetKubeVirtRegistry: 'quay.io/kubevirt',
      operatorVersion: KUBEVIRT_VERSION,
      defaultArchitecture: 'amd64',
      observedGeneration: 1,
    },
  });
  if (findResource(ResourceKey.cdis)) {
    ensure(client, ResourceKey.cdis, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'CDI',
      metadata: { name: 'cdi', finalizers: ['operator.cdi.kubevirt.io'] },
      spec: { config: {}, imagePullPolicy: 'IfNotPresent', infra: {}, workload: {} },
      status: {
        phase: 'Deployed',
        // CDI's conditions are openshift/custom-resource-status conditions: lastHeartbeatTime, not lastProbeTime
        conditions: available('Deployment Completed').map(({ lastProbeTime, ...c }) => ({
          ...c,
          lastHeartbeatTime: lastProbeTime,
        })),
        observedVersion: CDI_VERSION,
        operatorVersion: CDI_VERSION,
        targetVersion: CDI_VERSION,
      },
    });
  }
  const kv = (c: string) => `quay.io/kubevirt/${c}:${KUBEVIRT_VERSION}`;
  const cdi = (c: string) => `quay.io/kubevirt/${c}:${CDI_VERSION}`;
  const pods: KObject[] = [
    systemPod('kubevirt', 'virt-operator-6d4c8b9f7d-2xkqp', kv('virt-operator'), { 'kubevirt.io': 'virt-operator' }),
    systemPod('kubevirt', 'virt-operator-6d4c8b9f7d-9mwzt', kv('virt-operator'), { 'kubevirt.io': 'virt-operator' }),
    systemPod('kubevirt', 'virt-api-7f9b6d8c5b-lq4rn', kv('virt-api'), { 'kubevirt.io': 'virt-api' }),
    systemPod('kubevirt', 'virt-controller-5c8d7f6b9d-7hz4x', kv('virt-controller'), {
      'kubevirt.io': 'virt-controller',
    }),
    systemPod('kubevirt', 'virt-controller-5c8d7f6b9d-kp2sd', kv('virt-controller'), {
      'kubevirt.io': 'virt-controller',
    }),
    ...Array.from({ length: nodeCount }, (_, i) =>
      systemPod(
        'kubevirt',
        `virt-handler-${['x7k2p', 'b9q4m', 'z5t8w', 'c2n6r', 'h4v9d'][i % 5]}${i >= 5 ? i : ''}`,
        kv('virt-handler'),
        { 'kubevirt.io': 'virt-handler' },
        `node${String(i + 1).padStart(2, '0')}`,
      ),
    ),
    systemPod('cdi', 'cdi-operator-84c7d5b9f4-q8w2x', cdi('cdi-operator'), { 'cdi.kubevirt.io': 'cdi-operator' }),
    systemPod('cdi', 'cdi-apiserver-6b9f7c8d5d-r4t6y', cdi('cdi-apiserver'), { 'cdi.kubevirt.io': 'cdi-apiserver' }),
    systemPod('cdi', 'cdi-deployment-7d8c9b6f5c-m2n4p', cdi('cdi-controller'), { 'cdi.kubevirt.io': 'cdi-deployment' }),
    systemPod('cdi', 'cdi-uploadproxy-5f6d8c7b9d-j7k9l', cdi('cdi-uploadproxy'), {
      'cdi.kubevirt.io': 'cdi-uploadproxy',
    }),
  ];
  for (const p of pods) ensure(client, ResourceKey.pods, p);
}

/** The CSI host-path driver's class (snapshot-capable) and its VolumeSnapshotClass (same driver). */
export const SNAPSHOT_STORAGE_CLASS = 'csi-hostpath';
export const SNAPSHOT_CLASS = 'csi-hostpath-snapclass';
const CSI_HOSTPATH_DRIVER = 'hostpath.csi.k8s.io';

/**
 * Storage that can take volume snapshots, beside `local` (the default class, which cannot: no
 * VolumeSnapshotClass names its provisioner): a StorageClass of the CSI host-path driver and the
 * VolumeSnapshotClass of that driver, as csi-driver-host-path deploys them.
 */
function ensureSnapshotStorage(client: ClusterClient): void {
  ensure(client, ResourceKey.storageClasses, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: SNAPSHOT_STORAGE_CLASS },
    provisioner: CSI_HOSTPATH_DRIVER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
  });
  ensure(client, 'volumesnapshotclasses.snapshot.storage.k8s.io', {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotClass',
    metadata: {
      name: SNAPSHOT_CLASS,
      annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'true' },
    },
    driver: CSI_HOSTPATH_DRIVER,
    deletionPolicy: 'Delete',
  });
}
