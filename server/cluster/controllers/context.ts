/** What every controller gets: the store client, time, the event recorder, caches and state. */
import type { Guest, GuestBackend } from '../guest/types.js';
import type { VolumeData } from '../guest/volume-data.js';
import { rfc3339, type Clock } from '../runtime/clock.js';
import { ResourceKey, type ClusterClient, type EventRecorder, type KObject } from '../runtime/client.js';
import { Informer, byOwnerUid } from '../runtime/informer.js';
import { CidrAllocator } from '../kubevirt/ipam.js';
import type { WorkQueue } from '../runtime/work-queue.js';
import type { VolumeStore } from '../cdi/volumes.js';
import type { ClusterLog } from '../log.js';
import type { ContainerLogs } from '../runtime/container-logs.js';

export interface Informers {
  namespaces: Informer<typeof ResourceKey.namespaces>;
  nodes: Informer<typeof ResourceKey.nodes>;
  pods: Informer<typeof ResourceKey.pods>;
  services: Informer<typeof ResourceKey.services>;
  pvcs: Informer<typeof ResourceKey.pvcs>;
  storageClasses: Informer<typeof ResourceKey.storageClasses>;
  vms: Informer<typeof ResourceKey.vms>;
  vmis: Informer<typeof ResourceKey.vmis>;
  vmims: Informer<typeof ResourceKey.vmims>;
  dataVolumes: Informer<typeof ResourceKey.dataVolumes>;
  routes: Informer<typeof ResourceKey.routes>;
  secrets: Informer<typeof ResourceKey.secrets>;
}

export function createInformers(client: ClusterClient, log?: ClusterLog): Informers {
  const make = <K extends string>(res: K) => new Informer(client, res, log);
  return {
    namespaces: make(ResourceKey.namespaces),
    nodes: make(ResourceKey.nodes),
    pods: make(ResourceKey.pods)
      .addIndex('owner', byOwnerUid)
      .addIndex('node', (o) => {
        const n = (o.spec as { nodeName?: string } | undefined)?.nodeName;
        return n ? [n] : [];
      })
      .addIndex('unscheduled', (o) =>
        (o.spec as { nodeName?: string } | undefined)?.nodeName || o.metadata.deletionTimestamp ? [] : ['yes'],
      )
      .addIndex('namespace', (o) => [o.metadata.namespace ?? '']),
    services: make(ResourceKey.services).addIndex('namespace', (o) => [o.metadata.namespace ?? '']),
    pvcs: make(ResourceKey.pvcs).addIndex('storageClass', (o) => [(o.spec?.storageClassName ?? '') || '']),
    storageClasses: make(ResourceKey.storageClasses),
    vms: make(ResourceKey.vms).addIndex('volume', volumeClaimIndex),
    vmis: make(ResourceKey.vmis)
      .addIndex('volume', volumeClaimIndex)
      .addIndex('phase', (o) => [phaseOf(o)]),
    vmims: make(ResourceKey.vmims).addIndex('vmi', (o) => [
      `${o.metadata.namespace}/${(o.spec as { vmiName?: string } | undefined)?.vmiName ?? ''}`,
    ]),
    dataVolumes: make(ResourceKey.dataVolumes).addIndex('owner', byOwnerUid),
    routes: make(ResourceKey.routes),
    secrets: make(ResourceKey.secrets),
  };
}

function phaseOf(o: KObject): string {
  return (o.status as { phase?: string } | undefined)?.phase ?? '';
}

/** ns/claim for every PVC or DataVolume a VM (template) or VMI uses. */
function volumeClaimIndex(o: KObject): string[] {
  const spec = o.spec as { volumes?: VolumeLike[]; template?: { spec?: { volumes?: VolumeLike[] } } } | undefined;
  const volumes: unknown = spec?.volumes ?? spec?.template?.spec?.volumes;
  if (!Array.isArray(volumes)) return [];
  return (volumes as (VolumeLike | null)[]).flatMap((v) => {
    const claim = v?.persistentVolumeClaim?.claimName ?? v?.dataVolume?.name;
    return typeof claim === 'string' && claim ? [`${o.metadata.namespace}/${claim}`] : [];
  });
}

interface VolumeLike {
  persistentVolumeClaim?: { claimName?: string };
  dataVolume?: { name?: string };
}

export interface Network {
  /** Pod CIDR allocator per node name. */
  podCidrs: Map<string, CidrAllocator>;
  /** LoadBalancer ingress IPs (cluster IPs and node ports are the Service registry's: store/service-registry.ts). */
  loadBalancerPool: CidrAllocator;
}

export function createNetwork(): Network {
  return {
    podCidrs: new Map(),
    loadBalancerPool: new CidrAllocator('192.168.100.0/24', 100),
  };
}

export interface GuestEntry {
  guest: Guest;
  vmiUid: string;
  namespace: string;
  name: string;
}

export interface Queues {
  vm: WorkQueue;
  vmi: WorkQueue;
  handler: WorkQueue;
  pod: WorkQueue;
  migration: WorkQueue;
  dataVolume: WorkQueue;
  pvc: WorkQueue;
  service: WorkQueue;
  route: WorkQueue;
  upload: WorkQueue;
}

export interface ControllerContext {
  /** The store, writing as this controller's identity (see identity.ts). */
  client: ClusterClient;
  /** The store, writing as another identity. */
  clientAs(user: string): ClusterClient;
  clock: Clock;
  record: EventRecorder;
  informers: Informers;
  network: Network;
  backend: GuestBackend;
  /** Running guests by VMI uid. */
  guests: Map<string, GuestEntry>;
  /** What is on each volume and snapshot (the simulated guests' disks). */
  volumes: VolumeData;
  queues: Queues;
  clusterDomain: string;
  log: ClusterLog;
  /** The kubelets' container logs (pods/log). */
  containerLogs: ContainerLogs;
  /** The disk images volumes hold (uploads, cdi/volumes.ts), when the cluster keeps them. */
  disks?: VolumeStore;
}

/** The same context, writing as `user`. */
export function withIdentity(ctx: ControllerContext, user: string): ControllerContext {
  return { ...ctx, client: ctx.clientAs(user) };
}

export function nowIso(ctx: Pick<ControllerContext, 'clock'>): string {
  return rfc3339(ctx.clock.now());
}
