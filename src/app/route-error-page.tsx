import { PageSection } from '@patternfly/react-core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state';
import { NotFoundPage } from './not-found-page';

/** The router's errorElement: a failed lazy import, a loader error or a render error. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}${error.data ? `: ${String(error.data)}` : ''}`)
    : error;
  return (
    <PageSection isFilled>
      <ErrorState title="Something went wrong" error={shown} reload />
    </PageSection>
  );
}
