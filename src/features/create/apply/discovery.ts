/**
 * Kind → REST resource through API discovery (`/api/v1`, `/apis/<group>/<version>`), as kubectl's
 * REST mapper does: any kind the cluster serves can be created, with no hard-coded table.
 */
import { isK8sError } from '../../../k8s/k8s-error';
import { type K8sModel } from '../../../k8s/models';

export interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
}

export interface ApiResourceList {
  groupVersion: string;
  resources: ApiResource[];
}

/** "v1" → "/api/v1"; "kubevirt.io/v1" → "/apis/kubevirt.io/v1". */
export function discoveryPath(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return `/api/${encodeURIComponent(parts[0])}`;
  return `/apis/${parts.map(encodeURIComponent).join('/')}`;
}

/** The top-level resource of a kind (subresources such as "virtualmachines/status" are skipped). */
export const findResource = (list: ApiResourceList, kind: string): ApiResource | undefined =>
  list.resources.find((r) => r.kind === kind && !r.name.includes('/'));

/** A model for the data layer's client, built from a discovery entry. */
export function modelFromResource(apiVersion: string, r: ApiResource): K8sModel {
  const slash = apiVersion.indexOf('/');
  return {
    group: slash >= 0 ? apiVersion.slice(0, slash) : '',
    version: slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion,
    kind: r.kind,
    plural: r.name,
    namespaced: r.namespaced,
    label: r.kind,
    labelPlural: r.kind,
  };
}

/** kubectl's wording for a kind the cluster does not serve. */
export const noMatchMessage = (kind: string, apiVersion: string): string =>
  `no matches for kind "${kind}" in version "${apiVersion}"`;

export type FetchResourceList = (apiVersion: string) => Promise<ApiResourceList>;

/** Resolves kinds with `fetchList` (cached by the caller); a 404 group version is "no matches". */
export async function resolveKind(fetchList: FetchResourceList, apiVersion: string, kind: string): Promise<K8sModel> {
  if (!apiVersion || !kind) throw new Error('apiVersion and kind are required');
  let list: ApiResourceList;
  try {
    list = await fetchList(apiVersion);
  } catch (e) {
    if (isK8sError(e) && e.code === 404) throw new Error(noMatchMessage(kind, apiVersion));
    throw e;
  }
  const r = findResource(list, kind);
  if (!r) throw new Error(noMatchMessage(kind, apiVersion));
  return modelFromResource(apiVersion, r);
}
