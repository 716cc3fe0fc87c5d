import type { QueryClient } from '@tanstack/react-query';
import { VirtualMachineModel } from '../../../k8s/models';
import { isListKey, k8sKeys } from '../../../k8s/query-keys';
import type { ListData } from '../../../k8s/watch/reducer';
import type { PrintableStatus } from '../../../kubevirt/printable-status';
import { objectKeyOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';

/** Undoes an optimistic change where no watch event has replaced it yet. */
export type Rollback = () => void;

/**
 * Shows `status` as the VM's printableStatus at once, in every watched VM list that holds it
 * (the list page, the details page's single-object watch...). The next watch event for the VM
 * replaces the object with the server's. The rollback restores the previous object wherever the
 * optimistic one is still in place (the request failed before any event arrived).
 */
export function applyOptimisticStatus(queryClient: QueryClient, vm: VM, status: PrintableStatus): Rollback {
  const key = objectKeyOf(vm);
  const swaps: Array<{ queryKey: readonly unknown[]; before: VM; after: VM }> = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey: k8sKeys.model(VirtualMachineModel) })) {
    if (!isListKey(query.queryKey)) continue;
    const data = query.state.data as ListData<VM> | undefined;
    const at = data?.items.findIndex((item) => objectKeyOf(item) === key) ?? -1;
    if (!data || at < 0) continue;
    const before = data.items[at];
    const items = data.items.slice();
    items[at] = { ...before, status: { ...before.status, printableStatus: status } };
    const stored = queryClient.setQueryData<ListData<VM>>(query.queryKey, { ...data, items });
    // What the cache holds (structural sharing may have copied it): the rollback compares identity.
    const after = stored?.items[at];
    if (after) swaps.push({ queryKey: query.queryKey, before, after });
  }
  return () => {
    for (const { queryKey, before, after } of swaps) {
      queryClient.setQueryData<ListData<VM>>(queryKey, (data) => {
        const at = data?.items.indexOf(after) ?? -1;
        if (!data || at < 0) return data;
        const items = data.items.slice();
        items[at] = before;
        return { ...data, items };
      });
    }
  };
}
