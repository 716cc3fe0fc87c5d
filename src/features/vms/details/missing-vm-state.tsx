import { Button } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { TrashIcon } from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import { Link } from 'react-router';
import { EmptyStateView } from '../../../components/empty-state';
import { namespacedPath } from '../../../lib/routes';

interface Props {
  namespace: string;
  name: string;
}

const BackToList = ({ namespace }: { namespace: string }) => (
  <Button variant="primary" component={(p) => <Link {...p} to={namespacedPath('virtualmachines', namespace)} />}>
    Go to the virtual machines in {namespace}
  </Button>
);

/** The URL names a VM that does not exist. */
export function VmNotFoundState({ namespace, name }: Props) {
  return (
    <EmptyStateView
      title={`VirtualMachine ${name} not found in ${namespace}`}
      icon={SearchIcon}
      actions={<BackToList namespace={namespace} />}
    >
      There is no VirtualMachine named {name} in namespace {namespace}. It may have been deleted, or the link may be
      wrong.
    </EmptyStateView>
  );
}

/** The VM was shown on this page and has been deleted since. */
export function VmDeletedState({ namespace, name }: Props) {
  return (
    <EmptyStateView
      title={`VirtualMachine ${name} has been deleted`}
      icon={TrashIcon}
      actions={<BackToList namespace={namespace} />}
    >
      VirtualMachine {name} was deleted from namespace {namespace} while this page was open.
    </EmptyStateView>
  );
}
