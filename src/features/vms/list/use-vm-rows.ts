import { useDeferredValue, useMemo, useState } from 'react';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { RowSelector } from './row-selector';
import { RowStore, type RowSnapshot } from './row-store';
import type { RowQuery, VmRow } from './vm-rows';

export interface VmRowsResult {
  /** undefined until the first VMs arrive. */
  snapshot: RowSnapshot | undefined;
  error: Error | null;
  /** The first pages of a long list are shown while the rest arrives. */
  isPartial: boolean;
}

/**
 * Every VM of the namespace (or of all) joined with its VMI, live. The lists show from their
 * first page on; watch batches are taken at a lower priority (deferred), so React renders them in
 * slices between user input instead of in one long task.
 */
export function useVmRows(namespace: string | undefined): VmRowsResult {
  const vms = useK8sList(VirtualMachineModel, { namespace, partial: true });
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace, partial: true });
  // The first data shows at once; later changes (pages, watch batches) at the lower priority.
  const vmData = useDeferredValue(vms.data) ?? vms.data;
  const vmiData = useDeferredValue(vmis.data) ?? vmis.data;
  const [store] = useState(() => new RowStore());
  const snapshot = useMemo(() => (vmData ? store.update(vmData, vmiData) : undefined), [store, vmData, vmiData]);
  return { snapshot, error: vms.error, isPartial: vms.isPartial || vmis.isPartial };
}

/** The rows the view shows, filtered and sorted; the last order is reused while it still holds. */
export function useSelectedRows(snapshot: RowSnapshot | undefined, query: RowQuery): VmRow[] {
  const [selector] = useState(() => new RowSelector());
  const { text, statuses, sort, direction } = query;
  return useMemo(
    () => (snapshot ? selector.select(snapshot, { text, statuses, sort, direction }) : []),
    [selector, snapshot, text, statuses, sort, direction],
  );
}

/** The same array as last time while it holds the same items, so memoized children skip a render. */
export function useShallowStable<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items);
  const same = kept === items || (kept.length === items.length && kept.every((v, i) => v === items[i]));
  if (!same) setKept(items);
  return same ? kept : items;
}
