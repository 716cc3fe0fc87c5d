import { Breadcrumb, BreadcrumbItem, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import { Link, useNavigate } from 'react-router';
import { namespacedPath } from '../../../lib/routes';
import { VmActionAlerts, VmActionsToolbar } from '../actions';
import { nameOf, namespaceOf, type VM } from '../selectors';
import { VmStatus } from '../status';
import { useVmi } from './use-vm-related';

/** Breadcrumb, the VM's name and live status, and its actions. */
export function VmDetailsHeader({ vm }: { vm: VM }) {
  const name = nameOf(vm);
  const namespace = namespaceOf(vm);
  const vmi = useVmi(namespace, name);
  const navigate = useNavigate();
  return (
    <PageSection aria-label={`VirtualMachine ${name} heading`}>
      <Breadcrumb>
        <BreadcrumbItem render={({ className }) => (
          <Link className={className} to={namespacedPath('virtualmachines', namespace)}>
            Virtual machines
          </Link>
        )} />
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
        className="kv-vm-details-heading"
      >
        <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapMd' }}>
          <FlexItem>
            <Title headingLevel="h1">{name}</Title>
          </FlexItem>
          <FlexItem>
            <VmStatus vm={vm} id={`vm-${namespace}-${name}-status`} />
          </FlexItem>
        </Flex>
        <FlexItem>
          <VmActionsToolbar vm={vm} vmi={vmi} onDeleted={() => navigate(namespacedPath('virtualmachines', namespace))} />
        </FlexItem>
      </Flex>
      <VmActionAlerts />
    </PageSection>
  );
}
