import { Label } from '@patternfly/react-core';
import { CheckCircleIcon } from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import { ExclamationCircleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { InProgressIcon } from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { QuestionCircleIcon } from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';
import type { Health } from '../model/kubevirt-status';

const LOOK = {
  healthy: { color: 'green', icon: <CheckCircleIcon /> },
  progressing: { color: 'blue', icon: <InProgressIcon /> },
  degraded: { color: 'red', icon: <ExclamationCircleIcon /> },
  unknown: { color: 'grey', icon: <QuestionCircleIcon /> },
} as const;

/** The phase ("Deployed") coloured by health. */
export function HealthLabel({ id, phase, health }: { id: string; phase: string | undefined; health: Health }) {
  const look = LOOK[health];
  return (
    <Label id={id} color={look.color} icon={look.icon}>
      {phase || 'Unknown'}
    </Label>
  );
}
