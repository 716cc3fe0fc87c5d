/**
 * Attaches the embedded cluster's KubeVirt, CDI, scheduler and kubelet simulation to a real
 * kube-apiserver as controllers over HTTPS, the way KWOK attaches simulated nodes: the very
 * controllers of server/cluster/controllers, on a `ClusterClient` whose reads and writes are
 * requests to the API server and whose informers list and watch it (remote-client.ts).
 * kube-controller-manager does the garbage collection and namespace deletion there; kube-aggregator
 * its APIServices. KubeVirt's subresources are served by virt-api.ts, its and CDI's admission
 * webhooks by webhooks.ts.
 */
import { runControllers, type ControllerRuntime } from '../../cluster/controllers/index.js';
import { selectGuestBackend, type GuestsMode } from '../../cluster/guest/index.js';
import type { ClusterLog } from '../../cluster/log.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { issueCert } from '../certs.js';
import { apiRequest, ensureCreated, type ApiTarget } from '../client.js';
import type { Stack } from '../index.js';
import { waitFor } from '../processes.js';
import { remoteClient, type RemoteClient } from './remote-client.js';
import { startVirtApi } from './virt-api.js';
import { startWebhookServer, webhookConfigurations } from './webhooks.js';

/**
 * kube-controller-manager's controllers with the simulation attached: all its defaults but those
 * the simulation plays (PV binder, endpoints, disruption budgets) or that need real kubelets (node
 * lifecycle: simulated nodes post no Leases, so it would taint them unreachable and evict their pods).
 */
export const KCM_CONTROLLERS_WITH_SIMULATION = [
  '*',
  '-node-lifecycle-controller',
  '-taint-eviction-controller',
  '-persistentvolume-binder-controller',
  '-persistentvolume-attach-detach-controller',
  '-endpoints-controller',
  '-endpointslice-controller',
  '-endpointslice-mirroring-controller',
  '-disruption-controller',
];

export interface AttachOptions {
  speed?: number;
  guests?: GuestsMode;
  log?: ClusterLog;
}

export interface Attached {
  client: RemoteClient;
  controllers: ControllerRuntime;
  /** virt-api's port (loopback HTTPS), when it is registered (attachWithVirtApi). */
  virtApiPort?: number;
  close(): Promise<void>;
}

export function attachSimulation(target: ApiTarget, opts: AttachOptions = {}): Attached {
  const log = opts.log ?? (() => {});
  const client = remoteClient(target);
  const speed = opts.speed ?? 1;
  const guests = selectGuestBackend({ mode: opts.guests ?? 'simulated', speed, log });
  let controllers: ControllerRuntime;
  try {
    controllers = runControllers(client, { speed, log, backend: guests.backend, apiServices: false });
  } catch (e) {
    void client.close();
    throw e;
  }
  return {
    client,
    controllers,
    async close() {
      controllers.stop();
      await client.close();
    },
  };
}

const APISERVICES = 'apiservices.apiregistration.k8s.io';

/**
 * The simulation attached, and its virt-api registered with kube-apiserver as the aggregated API
 * subresources.kubevirt.io (see virt-api.ts for the loopback routing); resolves once both
 * APIServices are Available.
 */
export async function attachWithVirtApi(stack: Stack, opts: AttachOptions = {}): Promise<Attached> {
  const attached = attachSimulation(stack, opts);
  try {
    issueCert(stack.dir, 'ca', 'virt-api', 'virt-api.kubevirt.svc', ['DNS:virt-api.kubevirt.svc', 'DNS:localhost']);
    const read = (f: string) => readFileSync(path.join(stack.dir, f), 'utf8');
    const tls = { cert: read('virt-api.crt'), key: read('virt-api.key'), clientCa: stack.frontProxyCaPem };
    const virtApi = await startVirtApi(attached.controllers, tls, opts.log ?? (() => {}));
    const webhooks = await startWebhookServer(tls);
    const { client } = attached;
    const close = attached.close;
    Object.assign(attached, {
      virtApiPort: virtApi.port,
      async close() {
        await webhooks.close();
        await virtApi.close();
        await close();
      },
    });
    if (!client.tryGet('services', 'kubevirt', 'virt-api'))
      client.create('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'virt-api', namespace: 'kubevirt', labels: { 'kubevirt.io': 'virt-api' } },
        spec: { type: 'ExternalName', externalName: 'localhost' },
      });
    for (const version of ['v1', 'v1alpha3']) {
      const obj = {
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: {
          name: `${version}.subresources.kubevirt.io`,
          labels: { 'app.kubernetes.io/component': 'kubevirt' },
        },
        spec: {
          group: 'subresources.kubevirt.io',
          version,
          groupPriorityMinimum: 1000,
          versionPriority: 15,
          service: { namespace: 'kubevirt', name: 'virt-api', port: virtApi.port },
          caBundle: Buffer.from(stack.ca).toString('base64'),
        },
      };
      const cur = client.tryGet(APISERVICES, undefined, obj.metadata.name);
      if (cur)
        client.update(APISERVICES, {
          ...obj,
          metadata: { ...obj.metadata, resourceVersion: cur.metadata.resourceVersion },
        });
      else client.create(APISERVICES, obj);
    }
    const service = { namespace: 'kubevirt', name: 'virt-api', port: webhooks.port };
    for (const { collection, object } of webhookConfigurations(service, Buffer.from(stack.ca).toString('base64'))) {
      await apiRequest(stack, 'DELETE', `${collection}/${String((object.metadata as { name: string }).name)}`);
      await ensureCreated(stack, collection, object);
    }
    for (const version of ['v1', 'v1alpha3'])
      await waitFor(
        `APIService ${version}.subresources.kubevirt.io is Available`,
        async () => {
          const s = client.tryGet(APISERVICES, undefined, `${version}.subresources.kubevirt.io`);
          const conds = (s?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
          return !!conds?.some((c) => c.type === 'Available' && c.status === 'True');
        },
        undefined,
        60_000,
      );
    return attached;
  } catch (e) {
    await attached.close();
    throw e;
  }
}
