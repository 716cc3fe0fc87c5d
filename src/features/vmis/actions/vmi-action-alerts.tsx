import { MutationFailureAlerts } from '../../../components/actions/mutation-failure-alerts';
import { VMI_ACTION_MUTATION_KEY, vmiActionFailureTitle, type VmiActionVariables } from './use-vmi-action-runner';

/** Toasts for failed VMI actions, with the server's message. Render once per page. */
export function VmiActionAlerts() {
  return (
    <MutationFailureAlerts<VmiActionVariables>
      mutationKey={VMI_ACTION_MUTATION_KEY}
      ariaLabel="VirtualMachine instance action failures"
      title={vmiActionFailureTitle}
    />
  );
}
