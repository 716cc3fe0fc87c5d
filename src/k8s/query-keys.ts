import type { K8sModel } from './models';
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
 * The one query-key factory for cluster data. Every key starts with 'k8s'; keys of a kind start
 * with ['k8s', group, version, plural] so a whole kind can be invalidated at once.
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
  /** The API server's /version. */
  version: ['k8s', 'version'] as const,
  accessReviews: ['k8s', 'access-review'] as const,
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
