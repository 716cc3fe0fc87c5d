import { Label, Progress, ProgressMeasureLocation, ProgressSize, ProgressVariant } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMemo } from 'react';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import type { VolumeSource } from '../../../kubevirt/vm-devices';
import { diskRows, type DataVolumeProgress, type DiskRow } from './disk-rows';
import { useVmStorage } from './use-vm-related';

const SOURCE_LABEL: Partial<Record<VolumeSource['type'], string>> = {
  containerDisk: 'Container disk',
  dataVolume: 'DataVolume',
  persistentVolumeClaim: 'PVC',
  cloudInitNoCloud: 'cloud-init (NoCloud)',
  cloudInitConfigDrive: 'cloud-init (ConfigDrive)',
  emptyDisk: 'Empty disk',
};

function Source({ source }: { source: VolumeSource }) {
  return (
    <>
      <Label isCompact variant="outline">
        {SOURCE_LABEL[source.type] ?? source.type}
      </Label>{' '}
      {source.ref && <span className="kv-mono">{source.ref}</span>}
    </>
  );
}

function ImportProgress({ row, dv }: { row: DiskRow; dv: DataVolumeProgress | undefined }) {
  if (row.source.type !== 'dataVolume') return null;
  if (!dv) return <span className="kv-subtle">Not created yet</span>;
  const failed = dv.phase === 'Failed' || Boolean(dv.error);
  const done = dv.phase === 'Succeeded';
  const value = done ? 100 : (dv.percent ?? 0);
  return (
    <div className="kv-import">
      <span className="kv-subtle" id={`disk-${row.name}-phase`}>
        {dv.phase ?? 'Pending'}
        {dv.restarts ? ` (importer restarted ${dv.restarts} ${dv.restarts === 1 ? 'time' : 'times'})` : ''}
      </span>
      <Progress
        id={`disk-${row.name}-progress`}
        value={value}
        aria-label={`${row.source.ref} import progress`}
        measureLocation={
          dv.percent === undefined && !done ? ProgressMeasureLocation.none : ProgressMeasureLocation.outside
        }
        size={ProgressSize.sm}
        variant={failed ? ProgressVariant.danger : done ? ProgressVariant.success : undefined}
        valueText={dv.text ?? dv.phase}
        helperText={dv.error}
      />
    </div>
  );
}

/** Disks and their volumes, with DataVolume import progress. */
export function DisksTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const { dataVolumes, pvcs, error } = useVmStorage(namespace, vm);
  const rows = useMemo(() => diskRows(vm, dataVolumes, pvcs), [vm, dataVolumes, pvcs]);
  if (!rows.length) return <EmptyStateView title="No disks">{name} has no disks or volumes.</EmptyStateView>;
  return (
    <>
      {error && <ErrorState title="Cannot load DataVolumes and claims" error={error} />}
      <Table aria-label="Disks" variant="compact" id={`vm-${namespace}-${name}-disks`}>
        <Thead>
          <Tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Bus</Th>
            <Th>Source</Th>
            <Th>Size</Th>
            <Th modifier="wrap">Boot order</Th>
            <Th width={40}>Import</Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((r) => (
            <Tr key={r.name} id={`vm-${namespace}-${name}-disk-${r.name}`}>
              <Td dataLabel="Name">{r.name}</Td>
              <Td dataLabel="Type">{r.kind ?? '-'}</Td>
              <Td dataLabel="Bus">{r.kind ? (r.bus ?? (r.kind === 'cdrom' ? 'sata' : 'virtio')) : '-'}</Td>
              <Td dataLabel="Source" modifier="breakWord">
                <Source source={r.source} />
              </Td>
              <Td dataLabel="Size">{r.size ?? '-'}</Td>
              <Td dataLabel="Boot order">{r.bootOrder ?? '-'}</Td>
              <Td dataLabel="Import">
                <ImportProgress row={r} dv={r.dataVolume} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}
