/**
 * Console URLs, as the OpenShift console shapes them:
 * /k8s/all-namespaces/<resource>[/...] and /k8s/ns/<namespace>/<resource>[/...].
 */

/** The namespace selector's value for "All namespaces". */
export const ALL_NAMESPACES = '#ALL_NS#';

/** A namespace name, or ALL_NAMESPACES. */
export type NamespaceChoice = string;

export interface NamespacedLocation {
  /** undefined: all namespaces. */
  namespace: string | undefined;
  resource: string;
  /** Path segments after the resource (object name, tab...). */
  rest: string[];
}

/** The namespace argument of the data layer for a choice: undefined for all namespaces. */
export const namespaceOf = (choice: NamespaceChoice): string | undefined =>
  choice === ALL_NAMESPACES ? undefined : choice;

/** The list page of a resource in a namespace (or in all of them). */
export function namespacedPath(resource: string, namespace: string | undefined, ...rest: string[]): string {
  const base = namespace ? `/k8s/ns/${encodeURIComponent(namespace)}` : '/k8s/all-namespaces';
  return [base, resource, ...rest.map(encodeURIComponent)].join('/');
}

/** Reads a namespaced console path; null for any other path. */
export function parseNamespacedPath(pathname: string): NamespacedLocation | null {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'k8s') return null;
  if (parts[1] === 'all-namespaces' && parts[2]) {
    return { namespace: undefined, resource: parts[2], rest: parts.slice(3) };
  }
  if (parts[1] === 'ns' && parts[2] && parts[3]) {
    return { namespace: parts[2], resource: parts[3], rest: parts.slice(4) };
  }
  return null;
}

/**
 * Where to go when the namespace changes: the same resource's list in the new namespace (an object
 * page makes no sense in another namespace), keeping the query string (filters) only when the
 * page stays a list page. null when the path is not namespaced.
 */
export function switchNamespacePath(pathname: string, search: string, choice: NamespaceChoice): string | null {
  const loc = parseNamespacedPath(pathname);
  if (!loc) return null;
  const path = namespacedPath(loc.resource, namespaceOf(choice));
  return loc.rest.length ? path : `${path}${search}`;
}
