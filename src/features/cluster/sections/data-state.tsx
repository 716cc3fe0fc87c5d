import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';

interface Props<T> {
  /** What is shown, lower case ("nodes"): names the spinner and the error. */
  what: string;
  data: T | undefined;
  error: Error | null;
  children: (data: T) => ReactNode;
}

/** Loading, then the server's error (e.g. 403 Forbidden for users who cannot read it), then the content. */
export function DataState<T>({ what, data, error, children }: Props<T>) {
  if (data === undefined && error) return <ErrorState title={`Cannot load ${what}`} error={error} />;
  if (data === undefined) return <LoadingState label={`Loading ${what}`} />;
  return <>{children(data)}</>;
}
