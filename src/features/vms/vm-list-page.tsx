import { PageSection } from '@patternfly/react-core';
import { useMemo } from 'react';
import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useActiveNamespace } from '../../components/active-namespace';
import { PageHeading } from '../../components/page-heading';
import { ResourceList } from '../../components/resource-list';
import { byNamespaceAndName, createdColumn, nameColumn, namespaceColumn } from '../../components/resource-columns';
import type { ResourceColumn } from '../../components/resource-table';
import { VirtualMachineModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';

const columns: ResourceColumn<V1VirtualMachine>[] = [
  nameColumn,
  namespaceColumn,
  { id: 'status', title: 'Status', cell: (vm) => vm.status?.printableStatus ?? 'Unknown' },
  createdColumn,
];

/** Placeholder list of VirtualMachines (the full page comes with the VM list issue). */
export function VmListPage() {
  const namespace = useActiveNamespace();
  const { data, error, isLoading } = useK8sList(VirtualMachineModel, { namespace });
  const rows = useMemo(() => (data ? byNamespaceAndName(data) : undefined), [data]);
  return (
    <>
      <PageHeading title="Virtual machines" />
      <PageSection isFilled>
        <ResourceList
          noun="virtual machines"
          ariaLabel="Virtual machines"
          idPrefix="vm"
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
