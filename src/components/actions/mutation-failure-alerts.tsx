import { AlertGroup } from '@patternfly/react-core';
import { useMutationState, useQueryClient, type Mutation, type MutationKey } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';

// The toast's code comes with the first failure; the live region that announces it is always there.
const ActionFailureToast = lazy(() =>
  import('../action-failure-toast').then((m) => ({ default: m.ActionFailureToast })),
);

export interface MutationFailureAlertsProps<V> {
  /** The failed mutations under this key are shown (those whose variables say `silent` are not). */
  mutationKey: MutationKey;
  /** The live region's name: "VirtualMachine instance action failures". */
  ariaLabel: string;
  title: (variables: V) => string;
}

/**
 * Toasts for failed actions, with the server's message. Failures live in react-query's mutation
 * cache; closing a toast removes its mutation. Render once per page.
 */
export function MutationFailureAlerts<V extends { silent?: boolean }>({
  mutationKey,
  ariaLabel,
  title,
}: MutationFailureAlertsProps<V>) {
  const queryClient = useQueryClient();
  const failed = useMutationState({
    filters: { mutationKey, status: 'error' },
    select: (m) => m as unknown as Mutation<unknown, Error, V>,
  });
  const shown = failed.filter((m) => m.state.variables && !m.state.variables.silent);
  const dismiss = (m: Mutation<unknown, Error, V>) => queryClient.getMutationCache().remove(m);
  return (
    <AlertGroup isToast isLiveRegion aria-label={ariaLabel}>
      {shown.map((m) => (
        <Suspense key={m.mutationId} fallback={null}>
          <ActionFailureToast
            title={title(m.state.variables as V)}
            error={m.state.error}
            onDismiss={() => dismiss(m)}
          />
        </Suspense>
      ))}
    </AlertGroup>
  );
}
