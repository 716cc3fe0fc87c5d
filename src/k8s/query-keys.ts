import { VirtualMachineInstanceModel, type K8sModel } from './models';
import type { ListSelector } from './types';

/** The attributes of a SelfSubjectAccessReview (spec.resourceAttributes). */
export interface AccessReviewAttributes {
  group?: string;
  resource: string;
  subresource?: string;
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection' | string;
  name?: string;
  namespace?: string;
}

/** A list selector with empty parts dropped and the namespace ignored for cluster-scoped kinds. */
export function normalizeSelector(model: K8sModel, selector: ListSelector = {}): ListSelector {
  const out: ListSelector = {};
  if (model.namespaced && selector.namespace) out.namespace = selector.namespace;
  if (selector.labelSelector) out.labelSelector = selector.labelSelector;
  if (selector.fieldSelector) out.fieldSelector = selector.fieldSelector;
  return out;
}

/**
 * The one query-key factory for cluster data: nothing else in the app spells a key. Every key
 * starts with 'k8s'; keys of a kind start with ['k8s', group, version, plural] so a whole kind can
 * be invalidated at once.
 */
export const k8sKeys = {
  all: ['k8s'] as const,
  model: (model: K8sModel) => ['k8s', model.group || 'core', model.version, model.plural] as const,
  /** A watched collection: the cache holds `{items, resourceVersion}`. */
  list: (model: K8sModel, selector: ListSelector = {}) =>
    [...k8sKeys.model(model), 'list', normalizeSelector(model, selector)] as const,
  /** One object fetched without a watch. */
  object: (model: K8sModel, name: string, namespace?: string) =>
    [...k8sKeys.model(model), 'object', { name, namespace: model.namespaced ? namespace : undefined }] as const,
  /** The latest VNC screenshot of a VMI (the vnc/screenshot subresource), under the VMI kind's prefix. */
  vncScreenshot: (namespace: string, name: string) =>
    [...k8sKeys.model(VirtualMachineInstanceModel), 'vnc-screenshot', { namespace, name }] as const,
  /** A VMI's guest agent answer (guestosinfo, userlist, filesystemlist), under the VMI kind's prefix. */
  guestAgent: (namespace: string, name: string, subresource: string) =>
    [...k8sKeys.model(VirtualMachineInstanceModel), 'guest-agent', { namespace, name, subresource }] as const,
  /** The API server's /version. */
  version: ['k8s', 'version'] as const,
  /** Discovery documents: every key of them starts so. */
  discovery: ['k8s', 'discovery'] as const,
  /** The API groups the cluster serves (GET /apis). */
  servedGroups: ['k8s', 'discovery', 'apis'] as const,
  /** The resources of one group version ("v1", "kubevirt.io/v1": GET /api/v1, /apis/kubevirt.io/v1). */
  groupVersionResources: (groupVersion: string) => ['k8s', 'discovery', groupVersion] as const,
  accessReviews: ['k8s', 'access-review'] as const,
  /** Answers of the Prometheus API (`/api/prometheus`): every key of them starts so. */
  prometheus: ['k8s', 'prometheus'] as const,
  /** A range query over the last `seconds`, one point per `step` seconds. */
  prometheusRange: (query: string, seconds: number, step: number) =>
    ['k8s', 'prometheus', 'range', { query, seconds, step }] as const,
  /** An instant query (now). */
  prometheusInstant: (query: string) => ['k8s', 'prometheus', 'instant', { query }] as const,
  /**
   * Whether the user may create one object of a manifest (apiVersion and kind, resolved through
   * discovery, in a namespace): under the access reviews' prefix, so it goes with them.
   */
  createAccess: (apiVersion: string, kind: string, namespace: string | undefined) =>
    ['k8s', 'access-review', 'create', apiVersion, kind, namespace] as const,
  /** What the user may do in a namespace (one SelfSubjectRulesReview): under the access reviews' prefix. */
  rulesReview: (namespace: string) => ['k8s', 'access-review', 'rules', namespace] as const,
  accessReview: (a: AccessReviewAttributes) =>
    [
      'k8s',
      'access-review',
      {
        group: a.group ?? '',
        resource: a.resource,
        subresource: a.subresource ?? '',
        verb: a.verb,
        name: a.name ?? '',
        namespace: a.namespace ?? '',
      },
    ] as const,
};

export type K8sListKey = ReturnType<typeof k8sKeys.list>;

/** Whether a query key is a watched list's (k8sKeys.list): the cache holds `{items, resourceVersion}` under it. */
export const isListKey = (key: readonly unknown[]): boolean => key[0] === 'k8s' && key[4] === 'list';
