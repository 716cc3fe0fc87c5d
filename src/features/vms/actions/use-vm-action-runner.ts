import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { applyOptimisticStatus, type Rollback } from './optimistic';
import type { VmAction } from './vm-actions';
import type { DeleteVmOptions } from './vm-requests';

/** Every VM action runs as a react-query mutation under this key; VmActionAlerts shows the failures. */
export const VM_ACTION_MUTATION_KEY = ['vm-action'] as const;

export interface VmActionVariables {
  action: VmAction;
  vm: VM;
  options?: DeleteVmOptions;
  /** The caller shows the error itself (the delete dialog): no toast. */
  silent?: boolean;
}

/** What a failed action's toast says: "Could not start vm-a (ns)". */
export const actionFailureTitle = (v: Pick<VmActionVariables, 'action' | 'vm'>): string =>
  `Could not ${v.action.label.toLowerCase()} ${nameOf(v.vm)} (${namespaceOf(v.vm)})`;

/**
 * Runs VM actions: shows the optimistic status at once, sends the request, rolls the status back
 * and raises a toast (VmActionAlerts) with the server's message when it fails. The returned
 * `run` resolves when the request succeeded and rejects with the server's error otherwise.
 * Callbacks live on the mutation, so they complete even when the menu that started it unmounts.
 */
export function useVmActionRunner() {
  const queryClient = useQueryClient();
  const mutation = useMutation<unknown, Error, VmActionVariables, { rollback?: Rollback }>({
    mutationKey: VM_ACTION_MUTATION_KEY,
    mutationFn: ({ action, options }) => action.run(options),
    onMutate: ({ action, vm }) => ({
      rollback: action.optimisticStatus ? applyOptimisticStatus(queryClient, vm, action.optimisticStatus) : undefined,
    }),
    onError: (_error, _variables, context) => context?.rollback?.(),
  });
  const { mutateAsync } = mutation;
  const run = useCallback(
    (action: VmAction, vm: VM, extra: Pick<VmActionVariables, 'options' | 'silent'> = {}) =>
      mutateAsync({ action, vm, ...extra }),
    [mutateAsync],
  );
  return { run, isPending: mutation.isPending };
}
