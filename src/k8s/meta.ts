/**
 * Reads of any Kubernetes object's metadata, shared by every layer (features, src/kubevirt,
 * components, the watch reducer). Pure.
 */
import type { K8sResource } from '../k8s/types';

export const nameOf = (o: K8sResource | undefined): string => o?.metadata?.name ?? '';
export const namespaceOf = (o: K8sResource | undefined): string => o?.metadata?.namespace ?? '';
export const uidOf = (o: K8sResource | undefined): string | undefined => o?.metadata?.uid;
export const labelsOf = (o: K8sResource | undefined): Record<string, string> => o?.metadata?.labels ?? {};
export const annotationsOf = (o: K8sResource | undefined): Record<string, string> => o?.metadata?.annotations ?? {};
export const createdOf = (o: K8sResource | undefined): string | undefined => o?.metadata?.creationTimestamp;
export const isBeingDeleted = (o: K8sResource | undefined): boolean => Boolean(o?.metadata?.deletionTimestamp);

/** "namespace/name": how VMs and their VMIs (same name, same namespace) are joined. */
export const objectKeyOf = (o: K8sResource | undefined): string => `${namespaceOf(o)}/${nameOf(o)}`;

/** One pass over a list: objects by "namespace/name" (a VM's VMI has the VM's name: VMIs by their VM's key). */
export function indexByKey<T extends K8sResource>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const o of items ?? []) map.set(objectKeyOf(o), o);
  return map;
}

/** "app=web, os=fedora": labels as `key=value` strings, sorted. */
export const labelPairs = (o: K8sResource | undefined): string[] =>
  Object.entries(labelsOf(o))
    .map(([k, v]) => `${k}=${v}`)
    .sort();

/** Whether an equality-based selector (the only kind a Service has) selects these labels; an empty or missing selector selects nothing. */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
