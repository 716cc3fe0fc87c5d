import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { K8sModel } from '../models';
import type { K8sResource, ListSelector } from '../types';
import type { ListData } from './reducer';
import { useWatchManager } from './watch-context';

export interface K8sListOptions extends ListSelector {
  /** false: neither list nor watch (for example while a name is still unknown). */
  enabled?: boolean;
}

export interface K8sListResult<T> {
  /** undefined until the first list arrives. */
  data: T[] | undefined;
  error: Error | null;
  isLoading: boolean;
}

const selectItems = <T extends K8sResource>(d: ListData<T>): T[] => d.items;

/**
 * A live list: lists, then watches from the list's resourceVersion; watch events update the
 * react-query cache. Components with the same model and selector share one watch.
 * `namespace` undefined means all namespaces.
 */
export function useK8sList<T extends K8sResource>(model: K8sModel<T>, options: K8sListOptions = {}): K8sListResult<T> {
  const { namespace, labelSelector, fieldSelector, enabled = true } = options;
  const manager = useWatchManager();
  const target = useMemo(
    () => ({ model, selector: { namespace, labelSelector, fieldSelector } }),
    [model, namespace, labelSelector, fieldSelector],
  );
  const query = manager.listQuery(target);

  useEffect(() => (enabled ? manager.subscribe(target) : undefined), [manager, target, enabled]);

  const result = useQuery({ ...query, enabled, select: selectItems<T> });
  return { data: result.data, error: result.error, isLoading: result.isLoading };
}
