/**
 * Node drains as on KubeVirt: PodDisruptionBudgets for VMIs that migrate on eviction, their
 * status (kube-controller-manager's disruption controller), evacuation migrations, and the pods'
 * eviction subresource (registered by startCluster: subresources/pod-eviction.ts). `kubectl drain` then live-migrates such VMIs off the node.
 */
import { WorkQueue } from '../../runtime/work-queue.js';
import { errorFields } from '../../log.js';
import type { ControllerContext } from '../context.js';
import { DisruptionController } from './disruption-controller.js';
import { VmiDrainController } from './vmi-drain.js';

export const DISRUPTION_CONTROLLER = 'system:serviceaccount:kube-system:disruption-controller';

export function startDrainControllers(
  kubevirt: ControllerContext,
  disruption: ControllerContext,
): { queues: WorkQueue[]; stop(): void } {
  const onError = (name: string, key: string, err: unknown) => {
    const code = (err as { code?: number }).code;
    if (code === 409 || code === 404) return;
    kubevirt.log(`${name} ${key}: reconcile failed`, { controller: name, key, ...errorFields(err) });
  };
  const vmis = new VmiDrainController(kubevirt);
  const budgets = new DisruptionController(disruption, vmis.pdbs);
  const vmiQueue = new WorkQueue({
    name: 'disruption-budget',
    clock: kubevirt.clock,
    reconcile: (k) => vmis.reconcile(k),
    onError,
  });
  const pdbQueue = new WorkQueue({
    name: 'disruption',
    clock: kubevirt.clock,
    reconcile: (k) => budgets.reconcile(k),
    onError,
  });
  vmis.watch((k) => vmiQueue.add(k));
  budgets.watch((k) => pdbQueue.add(k));
  vmis.pdbs.start();
  return {
    queues: [vmiQueue, pdbQueue],
    stop() {
      vmiQueue.stop();
      pdbQueue.stop();
      vmis.pdbs.stop();
    },
  };
}
