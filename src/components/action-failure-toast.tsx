import { Alert, AlertActionCloseButton } from '@patternfly/react-core';
import { describeError } from './error-details';

/** How long a failure toast stays (it pauses while hovered). */
const TOAST_MS = 20_000;

/** One failed VM action: its title and the server's message, closed by hand or after a while. */
export function ActionFailureToast({
  title,
  error,
  onDismiss,
}: {
  title: string;
  error: unknown;
  onDismiss: () => void;
}) {
  const d = describeError(error);
  return (
    <Alert
      variant="danger"
      title={title}
      timeout={TOAST_MS}
      onTimeout={onDismiss}
      actionClose={<AlertActionCloseButton title={title} onClose={onDismiss} />}
    >
      {d.message}
      {d.reason ? ` (${d.reason})` : ''}
    </Alert>
  );
}
