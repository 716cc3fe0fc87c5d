import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ALL_NAMESPACES, parseNamespacedPath, switchNamespacePath, type NamespaceChoice } from '../../lib/routes';
import { usePreference, writePreference } from '../persistent-state';

const KEY = 'namespace';

/** The last namespace choice (ALL_NAMESPACES by default). */
export const useRememberedNamespace = (): NamespaceChoice => usePreference(KEY, ALL_NAMESPACES)[0];

/**
 * The masthead's namespace: the URL's on namespaced pages (and remembered from there), else the
 * remembered one. Choosing one moves a namespaced page to the new namespace.
 */
export function useNamespaceChoice(): [NamespaceChoice, (choice: NamespaceChoice) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [remembered, remember] = usePreference(KEY, ALL_NAMESPACES);
  const parsed = parseNamespacedPath(location.pathname);
  const fromUrl = parsed ? (parsed.namespace ?? ALL_NAMESPACES) : undefined;

  useEffect(() => {
    if (fromUrl !== undefined) writePreference(KEY, fromUrl);
  }, [fromUrl]);

  const choose = (choice: NamespaceChoice) => {
    remember(choice);
    const next = switchNamespacePath(location.pathname, location.search, choice);
    if (next) navigate(next);
  };
  return [fromUrl ?? remembered, choose];
}
