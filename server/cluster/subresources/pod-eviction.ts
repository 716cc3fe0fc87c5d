/**
 * POST /api/v1/namespaces/{ns}/pods/{name}/eviction, as kube-apiserver's eviction REST
 * (pkg/registry/core/pod/storage/eviction.go) with KubeVirt's validating webhook in front of it
 * (pkg/virt-api/webhooks/validating-webhook/admitters/pod-eviction-admitter.go):
 * - the webhook: evicting the virt-launcher pod of a VMI that migrates on eviction marks the VMI
 *   (status.evacuationNodeName = its node) so virt-controller migrates it away; a LiveMigrate VMI
 *   that cannot migrate is refused with 429;
 * - then the budget: a pod that is not running (or already being deleted) goes at once; one
 *   PodDisruptionBudget over it must allow a disruption (429 TooManyRequests "Cannot evict pod as
 *   it would violate the pod's disruption budget." otherwise), which the eviction uses up;
 *   more than one budget is a 500, as there.
 * kubectl drain retries 429s every 5 s, so it waits for the live migration and then evicts the
 * finished source pod.
 */
import { storeClient } from '../runtime/store-client.js';
import type { ClusterApi, SubresourceContext } from '../api/subresources.js';
import { PDBS } from '../controllers/drain/vmi-drain.js';
import { evacuationNodeName, evictionStrategy, isMigratable } from '../controllers/drain/eviction-strategy.js';
import { IDENTITY } from '../runtime/identity.js';
import { ResourceKey, type KObject } from '../runtime/client.js';
import { errors, failure, StatusError } from '../store/index.js';
import { labelSelectorFromObject, matchLabels } from '../store/selectors.js';

const WEBHOOK = 'virt-launcher-eviction-interceptor.kubevirt.io';

interface Eviction {
  kind?: string;
  metadata?: { name?: string };
  deleteOptions?: { dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
}

function tooMany(message: string, cause?: string): StatusError {
  return new StatusError(
    failure(
      429,
      'TooManyRequests',
      message,
      cause ? { causes: [{ reason: 'DisruptionBudget', message: cause }] } : undefined,
    ),
  );
}

/** KubeVirt's webhook: throws its denial, or marks the VMI for evacuation. */
function kubevirtAdmits(c: SubresourceContext, pod: KObject, dryRun: boolean): void {
  if (pod.metadata.labels?.['kubevirt.io'] !== 'virt-launcher') return;
  const vmiName = pod.metadata.annotations?.['kubevirt.io/domain'];
  if (!vmiName) return;
  const vmi = c.store.tryGet(ResourceKey.vmis, c.namespace, vmiName);
  const deny = (message: string) => {
    // a webhook's denial: its message and code, no reason (apiserver's webhookerrors.ToStatusErr)
    const { reason: _reason, ...status } = failure(
      429,
      '',
      `admission webhook "${WEBHOOK}" denied the request: ${message}`,
    );
    throw new StatusError(status);
  };
  if (!vmi) return deny(`kubevirt failed getting the vmi: virtualmachineinstances.kubevirt.io "${vmiName}" not found`);
  const strategy = evictionStrategy(storeClient(c.store), vmi);
  let mark = false;
  if (strategy === 'LiveMigrate') {
    if (!isMigratable(vmi)) deny(`VMI ${vmiName} is configured with an eviction strategy but is not live-migratable`);
    mark = true;
  } else if (strategy === 'LiveMigrateIfPossible') mark = isMigratable(vmi);
  else if (strategy === 'External') mark = true;
  const node = (vmi.status as { nodeName?: string } | undefined)?.nodeName;
  const podNode = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (mark && !evacuationNodeName(vmi) && node && node === podNode && !dryRun) {
    c.store.mutate(
      ResourceKey.vmis,
      c.namespace,
      vmiName,
      (o) => {
        o.status = { ...(o.status ?? {}), evacuationNodeName: node };
      },
      { user: IDENTITY.kubevirtApi },
    );
  }
}

function budgetsOf(c: SubresourceContext, pod: KObject): KObject[] {
  return c.store.list(PDBS, { namespace: c.namespace }).items.filter((p) => {
    const sel = (p.spec as { selector?: Parameters<typeof labelSelectorFromObject>[0] } | undefined)?.selector;
    if (!sel) return false;
    return matchLabels(labelSelectorFromObject(sel), pod.metadata.labels ?? {});
  });
}

function evict(c: SubresourceContext): { status: number; body: unknown } {
  if (c.method !== 'POST') throw errors.methodNotAllowed();
  const body = (c.body ?? {}) as Eviction;
  if (body.metadata?.name !== undefined && body.metadata.name !== c.name)
    throw errors.badRequest(`name in URL does not match name in Eviction object`);
  const ns = c.namespace ?? 'default';
  const pod = c.store.get('pods', ns, c.name);
  const dryRun = (body.deleteOptions?.dryRun ?? []).includes('All') || c.query.get('dryRun') === 'All';
  kubevirtAdmits(c, pod, dryRun);
  const del = () => {
    c.store.delete('pods', ns, c.name, { dryRun, preconditions: body.deleteOptions?.preconditions });
    return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp)
    return del();
  const pdbs = budgetsOf(c, pod);
  if (pdbs.length > 1)
    throw new StatusError(
      failure(
        500,
        'InternalError',
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      ),
    );
  if (pdbs.length === 0) return del();
  const pdb = pdbs[0];
  const name = pdb.metadata.name ?? '';
  const st = (pdb.status ?? {}) as {
    observedGeneration?: number;
    disruptionsAllowed?: number;
    desiredHealthy?: number;
    currentHealthy?: number;
  };
  const message = "Cannot evict pod as it would violate the pod's disruption budget.";
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1))
    throw tooMany(message, `The disruption budget ${name} is still being processed by the server.`);
  if ((st.disruptionsAllowed ?? 0) <= 0)
    throw tooMany(
      message,
      `The disruption budget ${name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`,
    );
  if (!dryRun) {
    c.store.mutate(
      PDBS,
      ns,
      name,
      (o) => {
        const s = { ...((o.status ?? {}) as Record<string, unknown>) };
        s.disruptionsAllowed = Math.max(0, Number(s.disruptionsAllowed ?? 0) - 1);
        s.disruptedPods = {
          ...(s.disruptedPods ?? {}),
          [c.name]: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        };
        o.status = s;
      },
      { subresource: 'status' },
    );
  }
  return del();
}

export function registerPodEviction(api: ClusterApi): void {
  api.addSubresource({
    group: '',
    versions: ['v1'],
    resource: 'pods',
    subresource: 'eviction',
    namespaced: true,
    kind: 'Eviction',
    kindGroupVersion: { group: 'policy', version: 'v1' },
    verbs: ['create'],
    handle: evict,
  });
}
