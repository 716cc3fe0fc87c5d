import { Breadcrumb, BreadcrumbItem, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import { Link, useNavigate } from 'react-router';
import { namespacedPath } from '../../../lib/routes';
import { VmActionAlerts, VmActionsToolbar } from '../actions';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { VmStatus } from '../status/vm-status';
import { useVmi } from './use-vm-related';

/**
 * Breadcrumb, the VM's name and live status, and its actions. The actions have their own row
 * under the name: the header has the same layout whatever the name's length and the status, so
 * it does not jump from one VM to the next.
 */
export function VmDetailsHeader({ vm }: { vm: VM }) {
  const name = nameOf(vm);
  const namespace = namespaceOf(vm);
  const vmi = useVmi(namespace, name);
  const navigate = useNavigate();
  return (
    <PageSection aria-label={`VirtualMachine ${name} heading`}>
      <Breadcrumb>
        <BreadcrumbItem
          render={({ className }) => (
            <Link className={className} to={namespacedPath('virtualmachines', namespace)}>
              Virtual machines
            </Link>
          )}
        />
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Flex
        alignItems={{ default: 'alignItemsCenter' }}
        gap={{ default: 'gapMd' }}
        flexWrap={{ default: 'nowrap' }}
        className="kv-vm-details-heading"
      >
        <FlexItem className="kv-vm-details-heading__name">
          <Title headingLevel="h1">{name}</Title>
        </FlexItem>
        <FlexItem flex={{ default: 'flexNone' }}>
          <VmStatus vm={vm} vmi={vmi} id={`vm-${namespace}-${name}-status`} />
        </FlexItem>
      </Flex>
      <div className="kv-vm-details-actions">
        <VmActionsToolbar vm={vm} vmi={vmi} onDeleted={() => navigate(namespacedPath('virtualmachines', namespace))} />
      </div>
      <VmActionAlerts />
    </PageSection>
  );
}
