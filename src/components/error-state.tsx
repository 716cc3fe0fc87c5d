import {
  Button,
  Content,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Label,
} from '@patternfly/react-core';
import { ExclamationCircleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { describeError } from './error-details';

export interface ErrorStateProps {
  /** What failed, e.g. "Cannot load virtual machines". */
  title: string;
  error: unknown;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  /** Shows a "Reload" button that reloads the page. */
  reload?: boolean;
}

/** An error with the Kubernetes Status message and reason (and causes), never swallowed. */
export function ErrorState({ title, error, onRetry, reload }: ErrorStateProps) {
  const d = describeError(error);
  return (
    <EmptyState titleText={title} headingLevel="h2" icon={ExclamationCircleIcon} status="danger" className="kv-state">
      <EmptyStateBody>
        <Content component="p" role="alert" id="error-message">
          {d.message}
        </Content>
        {d.reason && (
          <Label color="red" variant="outline" id="error-reason">
            {d.reason}
          </Label>
        )}
        {d.causes.length > 0 && (
          <Content component="ul" aria-label="Causes">
            {d.causes.map((c, i) => (
              <Content component="li" key={i}>
                {c.field ? `${c.field}: ` : ''}
                {c.message}
              </Content>
            ))}
          </Content>
        )}
      </EmptyStateBody>
      {(onRetry || reload) && (
        <EmptyStateFooter>
          <EmptyStateActions>
            {onRetry && (
              <Button variant="primary" onClick={onRetry}>
                Try again
              </Button>
            )}
            {reload && (
              <Button variant={onRetry ? 'secondary' : 'primary'} onClick={() => window.location.reload()}>
                Reload
              </Button>
            )}
          </EmptyStateActions>
        </EmptyStateFooter>
      )}
    </EmptyState>
  );
}
