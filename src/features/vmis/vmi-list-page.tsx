import { PageSection } from '@patternfly/react-core';
import { useMemo } from 'react';
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useActiveNamespace } from '../../components/active-namespace';
import { PageHeading } from '../../components/page-heading';
import { ResourceList } from '../../components/resource-list';
import { byNamespaceAndName, createdColumn, nameColumn, namespaceColumn } from '../../components/resource-columns';
import type { ResourceColumn } from '../../components/resource-table';
import { VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';

const columns: ResourceColumn<V1VirtualMachineInstance>[] = [
  nameColumn,
  namespaceColumn,
  { id: 'phase', title: 'Phase', cell: (vmi) => vmi.status?.phase || 'Pending' },
  { id: 'node', title: 'Node', cell: (vmi) => vmi.status?.nodeName ?? '-' },
  createdColumn,
];

/** Placeholder list of VirtualMachineInstances. */
export function VmiListPage() {
  const namespace = useActiveNamespace();
  const { data, error, isLoading } = useK8sList(VirtualMachineInstanceModel, { namespace });
  const rows = useMemo(() => (data ? byNamespaceAndName(data) : undefined), [data]);
  return (
    <>
      <PageHeading title="VirtualMachine instances" />
      <PageSection isFilled>
        <ResourceList
          noun="VirtualMachine instances"
          ariaLabel="VirtualMachine instances"
          idPrefix="vmi"
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
