/**
 * kube-controller-manager's disruption controller (pkg/controller/disruption/disruption.go):
 * a PodDisruptionBudget's status from the pods its selector matches: expectedPods,
 * currentHealthy (Ready pods not being deleted), desiredHealthy (minAvailable, or expected minus
 * maxUnavailable; percentages of the expected count), disruptionsAllowed and the
 * DisruptionAllowed condition (SufficientPods / InsufficientPods).
 */
import { keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { Informer } from '../../runtime/informer.js';
import { labelSelectorFromObject, matchLabels } from '../../store/selectors.js';
import { nowIso, type ControllerContext } from '../context.js';
import { PDBS } from './vmi-drain.js';

interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  selector?: Parameters<typeof labelSelectorFromObject>[0];
}

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

/** intstr.GetScaledValueFromIntOrPercent, rounding up. */
function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number.parseInt(v, 10) || 0;
}

function isReady(pod: KObject): boolean {
  const conds = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

export class DisruptionController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly pdbs: Informer<typeof PDBS>,
  ) {}

  watch(enqueue: (key: string) => void): void {
    this.pdbs.on({ onChange: (p) => enqueue(keyOf(p)) });
    const byPod = (pod: KObject) => {
      for (const p of this.pdbs.list(pod.metadata.namespace)) enqueue(keyOf(p));
    };
    this.ctx.informers.pods.on({ onChange: byPod, onDelete: byPod });
  }

  /** The pods a budget covers (an empty or missing selector matches none in policy/v1). */
  private podsOf(pdb: KObject): KObject[] {
    const sel = (pdb.spec as PdbSpec | undefined)?.selector;
    if (!sel || (!sel.matchLabels && !sel.matchExpressions)) return [];
    const parsed = labelSelectorFromObject(sel);
    return this.ctx.informers.pods
      .byIndex('namespace', pdb.metadata.namespace ?? '')
      .filter((p) => matchLabels(parsed, p.metadata.labels ?? {}));
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const pdb = this.ctx.client.tryGet(PDBS, ns, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const spec = (pdb.spec ?? {}) as PdbSpec;
    const pods = this.podsOf(pdb).filter((p) => {
      const phase = (p.status as { phase?: string } | undefined)?.phase;
      return phase !== 'Succeeded' && phase !== 'Failed';
    });
    const expectedPods = pods.length;
    const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && isReady(p)).length;
    let desiredHealthy = 0;
    if (spec.minAvailable !== undefined) desiredHealthy = scaled(spec.minAvailable, expectedPods);
    else if (spec.maxUnavailable !== undefined)
      desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
    const disruptionsAllowed = Math.max(0, currentHealthy - desiredHealthy);
    const generation = pdb.metadata.generation ?? 1;
    const allowed = disruptionsAllowed > 0;
    const now = nowIso(this.ctx);
    this.ctx.client.mutate(
      PDBS,
      ns,
      name,
      (o) => {
        const old = (o.status ?? {}) as Record<string, unknown> & { conditions?: Condition[] };
        const prev = old.conditions?.find((c) => c.type === 'DisruptionAllowed');
        const cond: Condition = {
          type: 'DisruptionAllowed',
          status: allowed ? 'True' : 'False',
          reason: allowed ? 'SufficientPods' : 'InsufficientPods',
          message: '',
          observedGeneration: generation,
          lastTransitionTime: prev && prev.status === (allowed ? 'True' : 'False') ? prev.lastTransitionTime : now,
        };
        const next = {
          ...old,
          observedGeneration: generation,
          disruptionsAllowed,
          currentHealthy,
          desiredHealthy,
          expectedPods,
          conditions: [cond],
        };
        if (JSON.stringify(next) === JSON.stringify(old)) return false;
        o.status = next;
      },
      { subresource: 'status' },
    );
  }
}
