import { Label } from '@patternfly/react-core';
import { CheckCircleIcon } from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import { ExclamationCircleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { MinusCircleIcon } from '@patternfly/react-icons/dist/esm/icons/minus-circle-icon';
import { readinessLevel, readinessText, type EndpointReadiness } from '../model/endpoints';

const LOOK = {
  ready: { color: 'green', icon: <CheckCircleIcon /> },
  partial: { color: 'orange', icon: <ExclamationTriangleIcon /> },
  none: { color: 'red', icon: <ExclamationCircleIcon /> },
  empty: { color: 'grey', icon: <MinusCircleIcon /> },
} as const;

/** "1 of 1 ready" as a coloured label (green all ready, orange some, red none, grey no endpoints). */
export function EndpointStatus({ readiness }: { readiness: EndpointReadiness }) {
  const look = LOOK[readinessLevel(readiness)];
  return (
    <Label color={look.color} icon={look.icon} variant="outline" isCompact>
      {readinessText(readiness)}
    </Label>
  );
}
