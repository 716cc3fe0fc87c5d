import { Navigate } from 'react-router';
import { namespaceOf, namespacedPath } from '../lib/routes';
import { useRememberedNamespace } from './shell/use-namespace-choice';

/** "/" opens the virtual machines in the remembered namespace. */
export function RedirectHome() {
  const namespace = useRememberedNamespace();
  return <Navigate to={namespacedPath('virtualmachines', namespaceOf(namespace))} replace />;
}
