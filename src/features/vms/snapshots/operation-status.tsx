import { Alert, Spinner } from '@patternfly/react-core';
import type { ReactNode } from 'react';

export type OperationState = 'progressing' | 'succeeded' | 'failed';

/**
 * Where a snapshot, restore or clone the user started stands: a live region that says it is in
 * progress (with what KubeVirt says), that it succeeded, or why it failed.
 */
export function OperationStatus({
  id,
  state,
  title,
  message,
  children,
}: {
  id: string;
  state: OperationState;
  title: string;
  message?: string;
  children?: ReactNode;
}) {
  const variant = state === 'succeeded' ? 'success' : state === 'failed' ? 'danger' : 'info';
  return (
    <Alert
      id={id}
      isInline
      isLiveRegion
      variant={variant}
      customIcon={state === 'progressing' ? <Spinner size="md" aria-hidden /> : undefined}
      title={title}
    >
      {message && <p id={`${id}-message`}>{message}</p>}
      {children}
    </Alert>
  );
}
