import { Alert, AlertActionCloseButton, AlertGroup } from '@patternfly/react-core';
import { useMutationState, useQueryClient, type Mutation } from '@tanstack/react-query';
import { describeError } from '../../../components/error-details';
import { actionFailureTitle, VM_ACTION_MUTATION_KEY, type VmActionVariables } from './use-vm-action-runner';

/** How long a failure toast stays (it pauses while hovered). */
const TOAST_MS = 20_000;

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
      {shown.map((m) => {
        const title = actionFailureTitle(m.state.variables as VmActionVariables);
        const d = describeError(m.state.error);
        return (
          <Alert
            key={m.mutationId}
            variant="danger"
            title={title}
            timeout={TOAST_MS}
            onTimeout={() => dismiss(m)}
            actionClose={<AlertActionCloseButton title={title} onClose={() => dismiss(m)} />}
          >
            {d.message}
            {d.reason ? ` (${d.reason})` : ''}
          </Alert>
        );
      })}
    </AlertGroup>
  );
}
