import { MenuToggle } from '@patternfly/react-core';
import { lazy, Suspense, useState } from 'react';
import type { IoK8sApiCoreV1Namespace } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { NamespaceModel } from '../../k8s/models';
import { useK8sList, type K8sListResult } from '../../k8s/watch/use-k8s-list';
import { ALL_NAMESPACES, type NamespaceChoice } from '../../lib/routes';
import { useNamespaceChoice } from './use-namespace-choice';

export const ALL_LABEL = 'All namespaces';

const NamespaceMenu = lazy(() => import('./namespace-menu').then((m) => ({ default: m.NamespaceMenu })));

export interface NamespaceMenuProps {
  choice: NamespaceChoice;
  choose: (choice: NamespaceChoice) => void;
  data: K8sListResult<IoK8sApiCoreV1Namespace>['data'];
  error: Error | null;
  isLoading: boolean;
}

/** The toggle's text: "Namespace: All namespaces". */
export function NamespaceToggleContent({ choice }: { choice: string }) {
  return (
    <>
      <span className="kv-namespace-toggle__label">Namespace:</span>{' '}
      <strong>{choice === ALL_NAMESPACES ? ALL_LABEL : choice}</strong>
    </>
  );
}

/**
 * The masthead's namespace menu: "All namespaces" and the cluster's namespaces, live (watched from
 * the first page on). Until its first click it is only its toggle: the menu's code loads then.
 */
export function NamespaceSelector() {
  const [choice, choose] = useNamespaceChoice();
  const [used, setUsed] = useState(false);
  const { data, error, isLoading } = useK8sList(NamespaceModel);
  const toggle = (
    <MenuToggle id="namespace-toggle" onClick={() => setUsed(true)} isExpanded={false} className="kv-namespace-toggle">
      <NamespaceToggleContent choice={choice} />
    </MenuToggle>
  );
  if (!used) return toggle;
  return (
    <Suspense fallback={toggle}>
      <NamespaceMenu choice={choice} choose={choose} data={data} error={error} isLoading={isLoading} />
    </Suspense>
  );
}
