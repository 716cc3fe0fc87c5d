import { Content, PageSection } from '@patternfly/react-core';
import { useMemo } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { EmptyStateView } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { useExposureData } from './hooks/use-exposure-data';
import { useServedGroups } from './hooks/use-served-groups';
import { serviceRows } from './model/service-rows';
import { ServiceTable } from './list/service-table';

/** Every Service that selects a virtual machine, with what it exposes, its endpoints and how to reach it. */
export function ServiceListPage() {
  const namespace = useActiveNamespace();
  const data = useExposureData(namespace);
  const { groups } = useServedGroups();
  const slicesServed = groups ? groups.has('discovery.k8s.io') : true;
  const rows = useMemo(
    () =>
      data.services && data.vms && data.vmis
        ? serviceRows({
            services: data.services,
            vms: data.vms,
            vmis: data.vmis,
            routes: data.routes,
            slices: slicesServed ? data.slices : undefined,
            endpoints: data.endpoints,
            nodes: data.nodes,
          })
        : undefined,
    [data, slicesServed],
  );

  let body;
  if (data.error && !rows) body = <ErrorState title="Cannot load services" error={data.error} reload />;
  else if (!rows) body = <LoadingState label="Loading services" />;
  else if (!rows.length) {
    body = (
      <EmptyStateView title="No services found">
        {namespace
          ? `No service selects a virtual machine in namespace ${namespace}.`
          : 'No service selects a virtual machine in any namespace.'}{' '}
        Expose a port from a virtual machine&apos;s actions.
      </EmptyStateView>
    );
  } else body = <ServiceTable rows={rows} routesServed={data.routesServed} showNamespace={!namespace} />;

  return (
    <>
      <PageHeading title="Services">
        <Content component="p">Services that select virtual machines, and how to reach them.</Content>
      </PageHeading>
      <PageSection isFilled>{body}</PageSection>
    </>
  );
}
