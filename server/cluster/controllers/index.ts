/**
 * The embedded cluster's controllers: what virt-controller, virt-handler, CDI, kube-scheduler,
 * the kubelets and kube-controller-manager do. `startCluster` calls `startControllers`.
 */
import { SimulatedGuestBackend } from '../guest/simulated/simulated-backend.js';
import type { GuestBackend } from '../guest/types.js';
import { VolumeData } from '../guest/volume-data.js';
import type { Store } from '../store/index.js';
import { EventWriter } from '../runtime/event-writer.js';
import { storeClient } from '../runtime/store-client.js';
import { UploadController } from './cdi/upload-controller.js';
import { BootSourceController } from './cdi/boot-source-controller.js';
import { ensureBootSources } from './infra/boot-sources.js';
import type { VolumeStore } from '../cdi/volumes.js';
import { DataVolumeController } from './cdi/dv-controller.js';
import { EventExpiry } from './events/event-expiry.js';
import { GarbageCollector } from './gc/garbage-collector.js';
import { NamespaceController } from './namespace/namespace-controller.js';
import { DISRUPTION_CONTROLLER, startDrainControllers } from './drain/index.js';
import { PvcBinder } from './cdi/pvc-binder.js';
import { createClock, rfc3339 } from '../runtime/clock.js';
import { keyOf, type ClusterClient, type EventRecorder } from '../runtime/client.js';
import { ContainerLogs } from '../runtime/container-logs.js';
import { createInformers, createNetwork, withIdentity, type ControllerContext, type Queues } from './context.js';
import { IDENTITY, clientAs } from '../runtime/identity.js';
import { CLUSTER_DOMAIN, ensureInfrastructure } from './infra/cluster-infra.js';
import { ensureApiServices } from './infra/api-services.js';
import { ensureCommonInstancetypes } from './infra/common-instancetypes.js';
import { KubeVirtOperator, usesEmulation } from './infra/kubevirt-cr.js';
import { ensureNamespaceDefaults } from './infra/namespace-defaults.js';
import { VirtHandler } from './handler/virt-handler.js';
import { CidrAllocator } from '../kubevirt/ipam.js';
import { MigrationController } from './migration/migration-controller.js';
import { RouteController } from './network/route-controller.js';
import { ServiceController } from './network/service-controller.js';
import { PodController } from './pods/pod-controller.js';
import { VmController } from './vm/vm-controller.js';
import { VmiController } from './vmi/vmi-controller.js';
import { startWorkloads } from './workloads.js';
import { WorkQueue, type Reconcile } from '../runtime/work-queue.js';
import { errorFields, type ClusterLog } from '../log.js';

export interface ControllerOptions {
  speed?: number;
  /** How long Events live (kube-apiserver's --event-ttl; default 1 h). */
  eventTtlMs?: number;
  log?: ClusterLog;
  backend?: GuestBackend;
  clusterDomain?: string;
  /** The disk images volumes hold (uploads); without it no image is written. */
  disks?: VolumeStore;
  /** virt-exportproxy's URL: VirtualMachineExports' external links point there. */
  exportProxyUrl?: string;
  /** Whether to write the APIServices kube-aggregator would (default true; a real kube-apiserver has its own). */
  apiServices?: boolean;
}

export interface ControllerRuntime {
  ctx: ControllerContext;
  handler: VirtHandler;
  /** virt-controller's migration controller (live migrations' progress). */
  migrations: MigrationController;
  /** Resolves when every queue is empty and nothing is being reconciled. */
  idle(): Promise<void>;
  stop(): void;
}

export function startControllers(store: Store, opts: ControllerOptions = {}): ControllerRuntime {
  // kube-controller-manager's garbage collector and namespace controller
  const gc = new GarbageCollector(store, opts.log ?? (() => {}));
  const namespaces = new NamespaceController(store, opts.log ?? (() => {}));
  gc.start();
  namespaces.start();
  return runControllers(storeClient(store), opts, () => {
    namespaces.stop();
    gc.stop();
  });
}

/**
 * The controllers on any client: the embedded store's, or a remote kube-apiserver's (server/stack/attach),
 * where kube-controller-manager runs the garbage collector and namespace controller itself.
 */
export function runControllers(
  client: ClusterClient,
  opts: ControllerOptions = {},
  onStop = () => {},
): ControllerRuntime {
  const log = opts.log ?? (() => {});
  const clock = createClock(opts.speed ?? 1);
  // the Event TTL (kube-apiserver's --event-ttl)
  const events = new EventWriter(client);
  const eventExpiry = new EventExpiry(client, opts.eventTtlMs, () => events.forgetGone());
  eventExpiry.start();
  const record: EventRecorder = (involved, type, reason, message, component, host) => {
    try {
      events.record(involved, type, reason, message, host ? { component, host } : component);
    } catch (err) {
      log(`event ${reason} about ${involved.kind} ${keyOf(involved)} dropped`, errorFields(err));
    }
  };
  ensureInfrastructure(client);
  if (opts.apiServices !== false) ensureApiServices(client, rfc3339(clock.now()));
  ensureCommonInstancetypes(clientAs(client, IDENTITY.kubevirtOperator), log);
  ensureBootSources(client, log);

  const queues = {} as Queues;
  const ctx: ControllerContext = {
    client,
    clientAs: (user) => clientAs(client, user),
    clock,
    record,
    informers: createInformers(client, log),
    network: createNetwork(),
    backend: opts.backend ?? new SimulatedGuestBackend({ speed: clock.speed }),
    guests: new Map(),
    volumes: new VolumeData(),
    queues,
    clusterDomain: opts.clusterDomain ?? CLUSTER_DOMAIN,
    log,
    containerLogs: new ContainerLogs(() => clock.now()),
    disks: opts.disks,
  };
  const onError = (name: string, key: string, err: unknown) => {
    const code = (err as { code?: number }).code;
    if (code === 409 || code === 404) return;
    // an API server's refusal is one line with its code; anything else is a bug and carries its stack (errorFields)
    log(`${name} ${key}: reconcile failed`, { controller: name, key, ...errorFields(err) });
  };
  const queue = (name: string, reconcile: Reconcile) => new WorkQueue({ name, clock, reconcile, onError });

  const as = (user: string) => withIdentity(ctx, user);
  const controller = as(IDENTITY.kubevirtController);
  const vm = new VmController(controller);
  const vmi = new VmiController(controller);
  const pods = new PodController(as(IDENTITY.kubeScheduler));
  const handler = new VirtHandler(as(IDENTITY.kubevirtHandler), pods.kubelet, () => usesEmulation(client));
  const migration = new MigrationController(controller, pods.kubelet);
  const dvs = new DataVolumeController(as(IDENTITY.cdi), opts.disks);
  const bootSources = new BootSourceController(as(IDENTITY.cdi));
  const uploads = new UploadController(as(IDENTITY.cdi), opts.disks);
  const pvcs = new PvcBinder(as(IDENTITY.pvBinder));
  const services = new ServiceController(as(IDENTITY.endpointController));
  const routes = new RouteController(as(IDENTITY.router));
  const operator = new KubeVirtOperator(as(IDENTITY.kubevirtOperator));

  Object.assign(queues, {
    vm: queue('vm', (k) => vm.reconcile(k)),
    vmi: queue('vmi', (k) => vmi.reconcile(k)),
    handler: queue('virt-handler', (k) => handler.reconcile(k)),
    pod: queue('pod', (k) => pods.reconcile(k)),
    migration: queue('migration', (k) => migration.reconcile(k)),
    dataVolume: queue('datavolume', (k) => dvs.reconcile(k)),
    pvc: queue('pvc', (k) => pvcs.reconcile(k)),
    service: queue('service', (k) => services.reconcile(k)),
    route: queue('route', (k) => routes.reconcile(k)),
    upload: queue('upload', (k) => uploads.reconcile(k)),
  } satisfies Queues);

  const { informers } = ctx;
  informers.nodes.on({
    onChange: (n) => {
      const name = n.metadata.name ?? '';
      const cidr = n.spec?.podCIDR;
      if (cidr && !ctx.network.podCidrs.has(name)) ctx.network.podCidrs.set(name, new CidrAllocator(cidr));
    },
  });
  const serviceAccounts = as(IDENTITY.serviceAccountController);
  informers.namespaces.on({ onChange: (ns) => ensureNamespaceDefaults(serviceAccounts, ns) });
  for (const c of [pods, vm, vmi, handler, migration, dvs, uploads, pvcs, services, routes]) c.watch();
  bootSources.start();
  for (const inf of Object.values(informers)) inf.start();
  operator.start();
  const drain = startDrainControllers(controller, as(DISRUPTION_CONTROLLER));

  const workloads = startWorkloads(controller, queue, { exportProxyUrl: opts.exportProxyUrl });
  const allQueues = () => [
    ...(Object.values(queues) as WorkQueue[]),
    ...drain.queues,
    ...workloads.queues,
    bootSources.queue,
  ];
  return {
    ctx,
    handler,
    migrations: migration,
    async idle() {
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 5));
        await Promise.all(allQueues().map((q) => q.idle()));
      }
    },
    stop() {
      for (const q of allQueues()) q.stop();
      bootSources.stop();
      drain.stop();
      workloads.stop();
      for (const inf of Object.values(informers)) inf.stop();
      handler.stop();
      operator.stop();
      clock.dispose();
      eventExpiry.stop();
      onStop();
    },
  };
}
