import { Label } from '@patternfly/react-core';
import type { V1beta1DataSource } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type { ResourceColumn } from '../../../components/resource-table';
import { ReasonButton } from '../../../components/disabled-reason';
import { objectKeyOf } from '../../../k8s/meta';
import type { VolumeRow } from '../../../kubevirt/boot-sources';

export interface ColumnContext {
  rows: Map<string, VolumeRow>;
  showNamespace: boolean;
  /** Why the user may not delete in a namespace; undefined when they may. */
  deleteReason: (namespace: string) => string | undefined;
  onDelete: (row: VolumeRow) => void;
}

/** The table's columns; each reads the row joined for its DataSource. */
export function volumeColumns(ctx: ColumnContext): ResourceColumn<V1beta1DataSource>[] {
  const row = (ds: V1beta1DataSource) => ctx.rows.get(objectKeyOf(ds))!;
  const cols: ResourceColumn<V1beta1DataSource>[] = [
    { id: 'name', title: 'Name', cell: (ds) => row(ds).name },
    { id: 'os', title: 'OS', cell: (ds) => row(ds).os || '—' },
    { id: 'size', title: 'Size', cell: (ds) => row(ds).size || '—' },
    {
      id: 'source',
      title: 'Source',
      cell: (ds) => <span className="bootable-volume-source">{row(ds).source || '—'}</span>,
    },
    {
      id: 'status',
      title: 'Status',
      cell: (ds) => {
        const r = row(ds);
        return r.ready ? (
          <Label color="green" isCompact>
            Ready
          </Label>
        ) : (
          <>
            <Label color="orange" isCompact>
              Not ready
            </Label>{' '}
            <small>{r.readiness}</small>
          </>
        );
      },
    },
    {
      id: 'actions',
      title: 'Actions',
      cell: (ds) => {
        const r = row(ds);
        return (
          <ReasonButton
            id={`bootable-volume-delete-${r.namespace}-${r.name}`}
            variant="secondary"
            isDanger
            size="sm"
            aria-label={`Delete ${r.name}`}
            disabledReason={ctx.deleteReason(r.namespace)}
            onClick={() => ctx.onDelete(r)}
          >
            Delete
          </ReasonButton>
        );
      },
    },
  ];
  if (ctx.showNamespace) cols.splice(1, 0, { id: 'namespace', title: 'Namespace', cell: (ds) => row(ds).namespace });
  return cols;
}
