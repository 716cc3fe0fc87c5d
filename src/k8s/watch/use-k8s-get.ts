import { useMemo } from 'react';
import { K8sError } from '../k8s-error';
import { qualifiedResource, type K8sModel } from '../models';
import type { K8sResource } from '../types';
import { useK8sList } from './use-k8s-list';

export interface K8sGetResult<T> {
  data: T | undefined;
  /** A NotFound K8sError when the list succeeded but has no such object. */
  error: Error | null;
  isLoading: boolean;
}

/** The 404 the API server would give for a missing object. */
export function notFoundError(model: K8sModel, name: string): K8sError {
  return new K8sError({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code: 404,
    reason: 'NotFound',
    message: `${qualifiedResource(model)} "${name}" not found`,
    details: { name, group: model.group || undefined, kind: model.plural },
  });
}

/**
 * One live object, backed by a watch of its collection with fieldSelector metadata.name=<name>,
 * so it updates in place and notices deletion.
 */
export function useK8sGet<T extends K8sResource>(
  model: K8sModel<T>,
  name: string | undefined,
  namespace?: string,
): K8sGetResult<T> {
  const list = useK8sList(model, {
    namespace,
    fieldSelector: name ? `metadata.name=${name}` : undefined,
    enabled: Boolean(name),
  });
  const item = list.data?.[0];
  const missing = useMemo(
    () => (name && list.data && !item ? notFoundError(model, name) : null),
    [model, name, list.data, item],
  );
  return { data: item, error: list.error ?? missing, isLoading: list.isLoading };
}
