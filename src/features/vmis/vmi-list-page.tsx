import { Label, PageSection } from '@patternfly/react-core';
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useActiveNamespace } from '../../components/active-namespace';
import { PageHeading } from '../../components/page-heading';
import { ResourceList } from '../../components/resource-list';
import { byNamespaceAndName, createdColumn, nameColumn, namespaceColumn } from '../../components/resource-columns';
import type { ResourceColumn } from '../../components/resource-table';
import { VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { namespacedPath } from '../../lib/routes';
import { vmiIpsOf, vmiIsPausedOf, vmiNodeOf, vmiOwnerOf, vmiPhaseOf } from './vmi-fields';

type VMI = V1VirtualMachineInstance;

const PHASE_COLOR: Record<string, 'green' | 'blue' | 'red' | 'grey' | 'orange'> = {
  Running: 'green',
  Succeeded: 'grey',
  Failed: 'red',
  Unknown: 'orange',
};

const columns: ResourceColumn<VMI>[] = [
  nameColumn,
  namespaceColumn,
  {
    id: 'phase',
    title: 'Phase',
    cell: (vmi) => (
      <>
        <Label isCompact color={PHASE_COLOR[vmiPhaseOf(vmi)] ?? 'blue'}>
          {vmiPhaseOf(vmi)}
        </Label>
        {vmiIsPausedOf(vmi) && (
          <Label isCompact color="orange" className="pf-v6-u-ml-xs">
            Paused
          </Label>
        )}
      </>
    ),
  },
  { id: 'node', title: 'Node', cell: (vmi) => vmiNodeOf(vmi) ?? '-' },
  {
    id: 'ip',
    title: 'IP address',
    cell: (vmi) => {
      const ips = vmiIpsOf(vmi);
      return ips.length ? ips.join(', ') : '-';
    },
  },
  {
    id: 'owner',
    title: 'Owner',
    cell: (vmi) => {
      const owner = vmiOwnerOf(vmi);
      if (!owner) return <span className="pf-v6-u-text-color-subtle">None</span>;
      return (
        <Link to={namespacedPath('virtualmachines', vmi.metadata?.namespace, owner)} aria-label={`VirtualMachine ${owner}`}>
          {owner}
        </Link>
      );
    },
  },
  createdColumn,
];

/** Every VirtualMachineInstance, including those no VirtualMachine owns, live. */
export function VmiListPage() {
  const namespace = useActiveNamespace();
  // Shown from the list's first page on: thousands of VMIs take a while to arrive.
  const { data, error, isLoading, isPartial } = useK8sList(VirtualMachineInstanceModel, { namespace, partial: true });
  const rows = useMemo(() => (data ? byNamespaceAndName(data) : undefined), [data]);
  return (
    <>
      <PageHeading title="VirtualMachine instances" />
      <PageSection isFilled aria-label="VirtualMachine instance list">
        <ResourceList
          noun="VirtualMachine instances"
          ariaLabel="VirtualMachine instances"
          idPrefix="vmi"
          columns={columns}
          data={rows}
          error={error}
          isLoading={isLoading}
          isPartial={isPartial}
          namespace={namespace}
        />
      </PageSection>
    </>
  );
}
