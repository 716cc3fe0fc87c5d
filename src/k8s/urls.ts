import { KUBEVIRT_SUBRESOURCE_GROUP, type K8sModel } from './models';
import type { ListSelector } from './types';

/** Where the console's server proxies the Kubernetes API (the OpenShift console's prefix). */
export const API_PREFIX = '/api/kubernetes';

export interface ResourceRef {
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

const seg = (s: string): string => encodeURIComponent(s);

/** "/apis/kubevirt.io/v1" or "/api/v1". */
export const groupVersionPath = (group: string, version: string): string =>
  group ? `/apis/${seg(group)}/${seg(version)}` : `/api/${seg(version)}`;

/**
 * The API server path of a collection, an object or an object's subresource, without the proxy
 * prefix. A namespaced kind without a namespace is the all-namespaces collection; a cluster-scoped
 * kind ignores the namespace.
 */
export function resourcePath(model: K8sModel, ref: ResourceRef = {}, group = model.group): string {
  let path = groupVersionPath(group, model.version);
  if (model.namespaced && ref.namespace) path += `/namespaces/${seg(ref.namespace)}`;
  path += `/${seg(model.plural)}`;
  if (ref.name) path += `/${seg(ref.name)}`;
  else if (ref.subresource) throw new Error(`A subresource (${ref.subresource}) needs an object name`);
  if (ref.subresource) path += `/${ref.subresource.split('/').map(seg).join('/')}`;
  return path;
}

/** "?a=1&b=x" from the defined params, in insertion order; "" when there are none. */
export function queryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') search.append(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The browser-relative URL of a resource through the proxy, e.g. /api/kubernetes/api/v1/pods?limit=500. */
export const resourceUrl = (model: K8sModel, ref: ResourceRef = {}, params?: QueryParams): string =>
  `${API_PREFIX}${resourcePath(model, ref)}${queryString(params)}`;

/**
 * KubeVirt's own subresources (start, stop, restart, migrate, pause, unpause, vnc, console...)
 * live in the subresources.kubevirt.io group, not in the kind's group.
 */
export function kubevirtSubresourceUrl(
  model: K8sModel,
  ref: Required<Pick<ResourceRef, 'name' | 'subresource'>> & { namespace?: string },
  params?: QueryParams,
): string {
  return `${API_PREFIX}${resourcePath(model, ref, KUBEVIRT_SUBRESOURCE_GROUP)}${queryString(params)}`;
}

/** Query params for a list or watch from a selector. */
export const selectorParams = (selector: ListSelector): QueryParams => ({
  labelSelector: selector.labelSelector,
  fieldSelector: selector.fieldSelector,
});

/** Turns a browser-relative URL into ws:// or wss:// on the page's own origin. */
export function toWebSocketUrl(relativeUrl: string, origin: { protocol: string; host: string }): string {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${origin.host}${relativeUrl}`;
}

/** The websocket URL that watches a collection from a resourceVersion (opaque, passed through). */
export function watchUrl(
  model: K8sModel,
  selector: ListSelector,
  resourceVersion: string,
  origin: { protocol: string; host: string },
): string {
  const url = resourceUrl(
    model,
    { namespace: selector.namespace },
    {
      watch: 1,
      resourceVersion,
      allowWatchBookmarks: true,
      ...selectorParams(selector),
    },
  );
  return toWebSocketUrl(url, origin);
}
