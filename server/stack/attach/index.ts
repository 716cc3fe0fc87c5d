/**
 * Attaches the embedded cluster's KubeVirt, CDI, scheduler and kubelet simulation to a real
 * kube-apiserver as controllers over HTTPS, the way KWOK attaches simulated nodes: the very
 * controllers of server/cluster/controllers, on a `ClusterClient` whose reads and writes are
 * requests to the API server and whose informers list and watch it (remote-client.ts).
 * kube-controller-manager does the garbage collection and namespace deletion there; kube-aggregator
 * its APIServices. KubeVirt's subresources are served by virt-api.ts.
 */
import { runControllers, type ControllerRuntime } from '../../cluster/controllers/index.js';
import { selectGuestBackend, type GuestsMode } from '../../cluster/guest/index.js';
import type { ClusterLog } from '../../cluster/log.js';
import type { ApiTarget } from '../client.js';
import { remoteClient, type RemoteClient } from './remote-client.js';

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
