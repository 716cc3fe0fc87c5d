/**
 * A small kube-scheduler: filters nodes (unschedulable, taints, node selector / required node
 * affinity, pod count, cpu and memory requests) and spreads pods onto the least allocated node.
 * Failure messages follow the scheduler's FitError format.
 */
import { quantityValue } from '../../apimachinery/quantity.js';
import type { Requests } from '../../kubevirt/quantity.js';
import type { Node, Pod } from '../../kubevirt/types.js';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface SchedulingInput {
  requests: Requests;
  nodeSelector?: Record<string, string>;
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {
        nodeSelectorTerms?: Array<{
          matchExpressions?: NodeSelectorRequirement[];
          matchFields?: NodeSelectorRequirement[];
        }>;
      };
    };
  };
  tolerations?: Array<{ key?: string; operator?: string; value?: string; effect?: string }>;
}

export type ScheduleResult = { node: string } | { node?: undefined; message: string };

/** Sum of the requests of pods bound to each node that are not finished. */
export function usageByNode(pods: Iterable<Pod>): Map<string, Requests & { pods: number }> {
  const out = new Map<string, Requests & { pods: number }>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    if (!node || phase === 'Succeeded' || phase === 'Failed') continue;
    const u = out.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    const r = podRequests(pod);
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.pods += 1;
    out.set(node, u);
  }
  return out;
}

/** Requests of stored (frozen) pods, computed once per pod version. */
const requestsCache = new WeakMap<Pod, Requests>();

export function podRequests(pod: Pod): Requests {
  const cached = requestsCache.get(pod);
  if (cached) return cached;
  const r = computeRequests(pod);
  if (Object.isFrozen(pod)) requestsCache.set(pod, r);
  return r;
}

function computeRequests(pod: Pod): Requests {
  let cpu = 0;
  let memory = 0;
  for (const c of Array.isArray(pod.spec?.containers) ? pod.spec.containers : []) {
    cpu += quantityValue(c.resources?.requests?.cpu);
    memory += quantityValue(c.resources?.requests?.memory);
  }
  return { cpu, memory };
}

function matchRequirement(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

export function matchesNodeAffinity(node: Node, input: SchedulingInput): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(input.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = input.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (t) =>
      (t.matchExpressions ?? []).every((r) => matchRequirement(r, labels[r.key])) &&
      (t.matchFields ?? []).every((r) =>
        matchRequirement(r, r.key === 'metadata.name' ? node.metadata.name : undefined),
      ),
  );
}

function untoleratedTaint(node: Node, input: SchedulingInput): string | undefined {
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    const tolerated = (input.tolerations ?? []).some(
      (t) =>
        (t.operator === 'Exists' && (!t.key || t.key === taint.key)) ||
        (t.key === taint.key && (t.value ?? '') === (taint.value ?? '') && (!t.effect || t.effect === taint.effect)),
    );
    if (!tolerated) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  return undefined;
}

interface NodeVerdict {
  reasons: string[];
  /** Preemption could help (resource shortage) or not (affinity, taints, cordon). */
  resolvable: boolean;
}

function filterNode(node: Node, input: SchedulingInput, used: Requests & { pods: number }): NodeVerdict {
  if (node.spec?.unschedulable) return { reasons: ['node(s) were unschedulable'], resolvable: false };
  const taint = untoleratedTaint(node, input);
  if (taint) return { reasons: [taint], resolvable: false };
  if (!matchesNodeAffinity(node, input)) {
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
  }
  const alloc = node.status?.allocatable ?? {};
  const reasons: string[] = [];
  if (used.pods + 1 > quantityValue(alloc.pods ?? '110')) reasons.push('Too many pods');
  if (used.cpu + input.requests.cpu > quantityValue(alloc.cpu)) reasons.push('Insufficient cpu');
  if (used.memory + input.requests.memory > quantityValue(alloc.memory)) reasons.push('Insufficient memory');
  return { reasons, resolvable: true };
}

function histogram(entries: string[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

export function schedule(
  input: SchedulingInput,
  nodes: readonly Node[],
  usage: ReadonlyMap<string, Requests & { pods: number }>,
): ScheduleResult {
  const fits: Array<{ node: Node; score: number }> = [];
  const reasons: string[] = [];
  const preemption: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const used = usage.get(name) ?? { cpu: 0, memory: 0, pods: 0 };
    const verdict = filterNode(node, input, used);
    if (verdict.reasons.length === 0) {
      const alloc = node.status?.allocatable ?? {};
      const memFree = 1 - (used.memory + input.requests.memory) / Math.max(1, quantityValue(alloc.memory));
      const cpuFree = 1 - (used.cpu + input.requests.cpu) / Math.max(1e-9, quantityValue(alloc.cpu));
      fits.push({ node, score: memFree + cpuFree });
      continue;
    }
    reasons.push(...verdict.reasons);
    preemption.push(
      verdict.resolvable ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling',
    );
  }
  if (fits.length > 0) {
    fits.sort((a, b) => b.score - a.score || (a.node.metadata.name ?? '').localeCompare(b.node.metadata.name ?? ''));
    return { node: fits[0].node.metadata.name ?? '' };
  }
  const n = nodes.length;
  if (n === 0) return { message: 'no nodes available to schedule pods' };
  return {
    message: `0/${n} nodes are available: ${histogram(reasons)}. preemption: 0/${n} nodes are available: ${histogram(preemption)}.`,
  };
}
