import { isK8sError } from '../k8s/k8s-error';

export interface ErrorDetails {
  message: string;
  /** "Forbidden (403)" for a Kubernetes Status; undefined for other errors. */
  reason?: string;
  causes: Array<{ field?: string; message?: string }>;
}

/** What to tell the user about an error: the Status message, its reason and code, and causes. */
export function describeError(error: unknown): ErrorDetails {
  if (isK8sError(error)) {
    const reason = error.reason ? (error.code ? `${error.reason} (${error.code})` : error.reason) : undefined;
    return { message: error.message, reason, causes: error.causes };
  }
  if (error instanceof Error) return { message: error.message || error.name, causes: [] };
  if (typeof error === 'string') return { message: error, causes: [] };
  return { message: 'Unknown error', causes: [] };
}
