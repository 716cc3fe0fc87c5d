import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import type { VmiAction, VmiDeleteOptions } from './vmi-actions';

/** Every VMI action runs as a react-query mutation under this key; VmiActionAlerts shows the failures. */
export const VMI_ACTION_MUTATION_KEY = ['vmi-action'] as const;

export interface VmiActionVariables {
  action: VmiAction;
  vmi: VMI;
  options?: VmiDeleteOptions;
  /** The caller shows the error itself (the delete dialog): no toast. */
  silent?: boolean;
}

/** What a failed action's toast says: "Could not pause vmi-a (ns)". */
export const vmiActionFailureTitle = (v: Pick<VmiActionVariables, 'action' | 'vmi'>): string =>
  `Could not ${v.action.label.toLowerCase()} ${nameOf(v.vmi)} (${namespaceOf(v.vmi)})`;

/**
 * Runs VMI actions as mutations: `run` resolves when the request succeeded and rejects with the
 * server's error otherwise (then a toast shows it, unless `silent`). The watch shows the result.
 */
export function useVmiActionRunner() {
  const mutation = useMutation<unknown, Error, VmiActionVariables>({
    mutationKey: VMI_ACTION_MUTATION_KEY,
    mutationFn: ({ action, options }) => action.run(options),
  });
  const { mutateAsync } = mutation;
  const run = useCallback(
    (action: VmiAction, vmi: VMI, extra: Pick<VmiActionVariables, 'options' | 'silent'> = {}) =>
      mutateAsync({ action, vmi, ...extra }),
    [mutateAsync],
  );
  return { run, isPending: mutation.isPending };
}
