import { PageSection } from '@patternfly/react-core';
import { useMemo } from 'react';
import type { IoK8sApiCoreV1Service } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { useActiveNamespace } from '../../components/active-namespace';
import { PageHeading } from '../../components/page-heading';
import { ResourceList } from '../../components/resource-list';
import { byNamespaceAndName, createdColumn, nameColumn, namespaceColumn } from '../../components/resource-columns';
import type { ResourceColumn } from '../../components/resource-table';
import { ServiceModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';

const columns: ResourceColumn<IoK8sApiCoreV1Service>[] = [
  nameColumn,
  namespaceColumn,
  { id: 'type', title: 'Type', cell: (svc) => svc.spec?.type ?? 'ClusterIP' },
  { id: 'cluster-ip', title: 'Cluster IP', cell: (svc) => svc.spec?.clusterIP ?? '-' },
  createdColumn,
];

/** Placeholder list of Services. */
export function ServiceListPage() {
  const namespace = useActiveNamespace();
  const { data, error, isLoading } = useK8sList(ServiceModel, { namespace });
  const rows = useMemo(() => (data ? byNamespaceAndName(data) : undefined), [data]);
  return (
    <>
      <PageHeading title="Services" />
      <PageSection isFilled>
        <ResourceList
          noun="services"
          ariaLabel="Services"
          idPrefix="service"
          columns={columns}
          data={rows}
          error={error}
          isLoading={isLoading}
          namespace={namespace}
        />
      </PageSection>
    </>
  );
}
