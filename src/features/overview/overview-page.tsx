import { Gallery, PageSection } from '@patternfly/react-core';
import { useMemo } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { PageHeading } from '../../components/page-heading';
import { NodeModel, ServiceModel, VirtualMachineInstanceModel, VirtualMachineModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { namespacedPath } from '../../lib/routes';
import { CountCard } from './count-card';

/** Counts of VMs (by status), VMIs, Services and Nodes; a placeholder for the real overview. */
export function OverviewPage() {
  const namespace = useActiveNamespace();
  const vms = useK8sList(VirtualMachineModel, { namespace });
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace });
  const services = useK8sList(ServiceModel, { namespace });
  const nodes = useK8sList(NodeModel);
  const byStatus = useMemo(() => {
    const counts = new Map<string, number>();
    for (const vm of vms.data ?? []) {
      const s = vm.status?.printableStatus ?? 'Unknown';
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  }, [vms.data]);
  return (
    <>
      <PageHeading title="Overview" />
      <PageSection isFilled>
        <Gallery hasGutter minWidths={{ default: '240px' }}>
          <CountCard
            id="overview-vms"
            title="Virtual machines"
            count={vms.data?.length}
            error={vms.error}
            to={namespacedPath('virtualmachines', namespace)}
            breakdown={byStatus}
          />
          <CountCard
            id="overview-vmis"
            title="VirtualMachine instances"
            count={vmis.data?.length}
            error={vmis.error}
            to={namespacedPath('virtualmachineinstances', namespace)}
          />
          <CountCard
            id="overview-services"
            title="Services"
            count={services.data?.length}
            error={services.error}
            to={namespacedPath('services', namespace)}
          />
          <CountCard id="overview-nodes" title="Nodes" count={nodes.data?.length} error={nodes.error} />
        </Gallery>
      </PageSection>
    </>
  );
}
