/** Whether a Service has ready endpoints, from its EndpointSlices (or the older Endpoints). Pure. */
import type { EndpointSlice, Endpoints, Service } from './types';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface EndpointReadiness {
  ready: number;
  total: number;
  /** Nodes of the endpoints, ready ones first (for node-address hints). */
  nodes: string[];
}

/** The slices of one Service (label kubernetes.io/service-name). */
export const slicesOfService = (slices: readonly EndpointSlice[], svc: Service): EndpointSlice[] =>
  slices.filter(
    (s) =>
      s.metadata?.namespace === svc.metadata?.namespace &&
      s.metadata?.labels?.[SERVICE_NAME_LABEL] === svc.metadata?.name,
  );

/** From EndpointSlices: an endpoint whose `ready` condition is unset counts as ready (discovery/v1). */
export function readinessFromSlices(slices: readonly EndpointSlice[]): EndpointReadiness {
  const seen = new Map<string, { ready: boolean; node?: string }>();
  for (const s of slices) {
    for (const e of s.endpoints ?? []) {
      const key = e.targetRef?.uid ?? e.addresses.join(',');
      const ready = e.conditions?.ready !== false;
      const prev = seen.get(key);
      seen.set(key, { ready: ready || Boolean(prev?.ready), node: e.nodeName ?? prev?.node });
    }
  }
  return summarize([...seen.values()]);
}

/** From a v1 Endpoints object (clusters without discovery.k8s.io). */
export function readinessFromEndpoints(ep: Endpoints | undefined): EndpointReadiness {
  const all: Array<{ ready: boolean; node?: string }> = [];
  for (const subset of ep?.subsets ?? []) {
    for (const a of subset.addresses ?? []) all.push({ ready: true, node: a.nodeName });
    for (const a of subset.notReadyAddresses ?? []) all.push({ ready: false, node: a.nodeName });
  }
  return summarize(all);
}

function summarize(items: Array<{ ready: boolean; node?: string }>): EndpointReadiness {
  const sorted = [...items].sort((a, b) => Number(b.ready) - Number(a.ready));
  const nodes = [...new Set(sorted.map((i) => i.node).filter((n): n is string => Boolean(n)))];
  return { ready: items.filter((i) => i.ready).length, total: items.length, nodes };
}

export type ReadinessLevel = 'ready' | 'partial' | 'none' | 'empty';

export function readinessLevel(r: EndpointReadiness): ReadinessLevel {
  if (r.total === 0) return 'empty';
  if (r.ready === r.total) return 'ready';
  return r.ready > 0 ? 'partial' : 'none';
}

export function readinessText(r: EndpointReadiness): string {
  if (r.total === 0) return 'No endpoints';
  return `${r.ready} of ${r.total} ready`;
}
