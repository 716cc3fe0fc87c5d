import { useParams } from 'react-router';

/**
 * The namespace a page shows, from its route (/k8s/ns/:ns/...); undefined on
 * /k8s/all-namespaces/... pages, meaning every namespace.
 */
export function useActiveNamespace(): string | undefined {
  const { ns } = useParams();
  return ns || undefined;
}
