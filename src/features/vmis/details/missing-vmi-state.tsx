import { Button } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { TrashIcon } from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import { Link } from 'react-router';
import { EmptyStateView } from '../../../components/empty-state';
import { namespacedPath } from '../../../lib/routes';

interface Props {
  namespace: string;
  name: string;
  /** The page showed the VMI, which has been deleted since (else the URL names none). */
  deleted: boolean;
}

/** The URL names a VMI that does not exist, or the one shown was deleted while the page was open. */
export function MissingVmiState({ namespace, name, deleted }: Props) {
  const back = (
    <Button
      variant="primary"
      component={(p) => <Link {...p} to={namespacedPath('virtualmachineinstances', namespace)} />}
    >
      Go to the VirtualMachine instances in {namespace}
    </Button>
  );
  return deleted ? (
    <EmptyStateView title={`VirtualMachine instance ${name} has been deleted`} icon={TrashIcon} actions={back}>
      VirtualMachine instance {name} was deleted from namespace {namespace} while this page was open.
    </EmptyStateView>
  ) : (
    <EmptyStateView
      title={`VirtualMachine instance ${name} not found in ${namespace}`}
      icon={SearchIcon}
      actions={back}
    >
      There is no VirtualMachine instance named {name} in namespace {namespace}. It may have been deleted, or the link
      may be wrong.
    </EmptyStateView>
  );
}
