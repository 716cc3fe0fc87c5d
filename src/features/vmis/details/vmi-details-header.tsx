import { Breadcrumb, BreadcrumbItem, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import { Link, useNavigate } from 'react-router';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { namespacedPath } from '../../../lib/routes';
import { VmiActionAlerts } from '../actions/vmi-action-alerts';
import { VmiActionsToolbar } from '../actions/vmi-actions-ui';
import { VmiStatus } from '../vmi-status';

/** Breadcrumb, the VMI's name and live phase, and its actions. */
export function VmiDetailsHeader({ vmi }: { vmi: VMI }) {
  const name = nameOf(vmi);
  const namespace = namespaceOf(vmi);
  const navigate = useNavigate();
  const list = namespacedPath('virtualmachineinstances', namespace);
  return (
    <PageSection aria-label={`VirtualMachine instance ${name} heading`}>
      <Breadcrumb>
        <BreadcrumbItem
          render={({ className }) => (
            <Link className={className} to={list}>
              VirtualMachine instances
            </Link>
          )}
        />
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Flex direction={{ default: 'column' }} gap={{ default: 'gapSm' }} className="pf-v6-u-mt-sm">
        <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapMd' }}>
          <FlexItem>
            <Title headingLevel="h1">{name}</Title>
          </FlexItem>
          <FlexItem>
            <VmiStatus vmi={vmi} id={`vmi-${namespace}-${name}-status`} />
          </FlexItem>
        </Flex>
        {/* The actions on their own line: the heading does not jump when the name or phase changes. */}
        <FlexItem>
          <VmiActionsToolbar vmi={vmi} onDeleted={() => navigate(list)} />
        </FlexItem>
      </Flex>
      <VmiActionAlerts />
    </PageSection>
  );
}
