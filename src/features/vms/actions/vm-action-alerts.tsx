import { AlertGroup } from '@patternfly/react-core';
import { useMutationState, useQueryClient, type Mutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { actionFailureTitle, VM_ACTION_MUTATION_KEY, type VmActionVariables } from './use-vm-action-runner';

// The toast's code comes with the first failure; the live region that announces it is always there.
const ActionFailureToast = lazy(() =>
  import('../../../components/action-failure-toast').then((m) => ({ default: m.ActionFailureToast })),
);

/**
 * Toasts for failed VM actions, with the server's message. Failures live in react-query's
 * mutation cache; closing a toast removes its mutation. Render once per page.
 */
export function VmActionAlerts() {
  const queryClient = useQueryClient();
  const failed = useMutationState({
    filters: { mutationKey: VM_ACTION_MUTATION_KEY, status: 'error' },
    select: (m) => m as unknown as Mutation<unknown, Error, VmActionVariables>,
  });
  const shown = failed.filter((m) => m.state.variables && !m.state.variables.silent);
  const dismiss = (m: Mutation<unknown, Error, VmActionVariables>) => queryClient.getMutationCache().remove(m);
  return (
    <AlertGroup isToast isLiveRegion aria-label="Virtual machine action failures">
      {shown.map((m) => (
        <Suspense key={m.mutationId} fallback={null}>
          <ActionFailureToast
            title={actionFailureTitle(m.state.variables as VmActionVariables)}
            error={m.state.error}
            onDismiss={() => dismiss(m)}
          />
        </Suspense>
      ))}
    </AlertGroup>
  );
}
