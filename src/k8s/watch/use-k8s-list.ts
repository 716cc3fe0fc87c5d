import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { K8sModel } from '../models';
import type { K8sResource, ListSelector } from '../types';
import type { ListData } from './reducer';
import { useWatchManager } from './watch-context';

export interface K8sListOptions extends ListSelector {
  /** false: neither list nor watch (for example while a name is still unknown). */
  enabled?: boolean;
  /**
   * true: show the first pages of a long list while the rest arrives (`isPartial` says so).
   * Otherwise `data` stays undefined (and `isLoading` true) until the list is complete.
   */
  partial?: boolean;
}

export interface K8sListResult<T> {
  /** undefined until the first list arrives (until its first page with `partial`). */
  data: T[] | undefined;
  error: Error | null;
  isLoading: boolean;
  /** `data` is the first pages of a list that is still arriving (only with the `partial` option). */
  isPartial: boolean;
}

// Module-level selectors: react-query re-runs a select only when the data or the function changes.
const selectWithPartial = <T extends K8sResource>(d: ListData<T>): ListData<T> => d;
const selectComplete = <T extends K8sResource>(d: ListData<T>): ListData<T> | undefined => (d.partial ? undefined : d);

/**
 * A live list: lists, then watches from the list's resourceVersion; watch events update the
 * react-query cache. Components with the same model and selector share one watch.
 * `namespace` undefined means all namespaces.
 */
export function useK8sList<T extends K8sResource>(model: K8sModel<T>, options: K8sListOptions = {}): K8sListResult<T> {
  const { namespace, labelSelector, fieldSelector, enabled = true, partial = false } = options;
  const manager = useWatchManager();
  const target = useMemo(
    () => ({ model, selector: { namespace, labelSelector, fieldSelector } }),
    [model, namespace, labelSelector, fieldSelector],
  );
  const query = manager.listQuery(target);

  useEffect(() => (enabled ? manager.subscribe(target) : undefined), [manager, target, enabled]);

  const result = useQuery({ ...query, enabled, select: partial ? selectWithPartial<T> : selectComplete<T> });
  const list = result.data;
  // A list that failed half-way shows its error, not its first pages.
  const usable = list && !(list.partial && result.error) ? list : undefined;
  return {
    data: usable?.items,
    error: result.error,
    // Loading also while a complete list is awaited behind the first pages someone else shows.
    isLoading: result.isLoading || (result.isSuccess && !usable),
    isPartial: Boolean(usable?.partial),
  };
}
