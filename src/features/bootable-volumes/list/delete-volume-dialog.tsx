import { Content } from '@patternfly/react-core';
import { DeleteDialog } from '../../../components/delete-dialog';
import { k8sDelete } from '../../../k8s/client';
import { DataSourceModel, DataVolumeModel } from '../../../k8s/models';
import type { VolumeRow } from '../../../kubevirt/boot-sources';

/** The DataVolume behind a DataSource that a delete may take with it: the one filling its PVC, same namespace. */
export function ownDataVolume(row: VolumeRow): string | undefined {
  const pvc = row.dataSource.spec?.source?.pvc;
  if (row.cron || !pvc || (pvc.namespace && pvc.namespace !== row.namespace)) return undefined;
  return row.source && !row.source.startsWith('PVC ') ? pvc.name : undefined;
}

/** Deletes a DataSource, and (by default) the DataVolume that filled its PVC. */
export function DeleteVolumeDialog({ row, onClose }: { row: VolumeRow; onClose: () => void }) {
  const dv = ownDataVolume(row);
  return (
    <DeleteDialog
      title="Delete bootable volume?"
      expected={row.name}
      hasDataVolumes={Boolean(dv)}
      dataVolumesDescription={dv ? `Also delete DataVolume ${dv} and its PVC.` : undefined}
      gracePlaceholder="Default"
      errorTitle="Cannot delete the bootable volume"
      onClose={onClose}
      onDelete={async (o) => {
        const opts = { namespace: row.namespace, gracePeriodSeconds: o.gracePeriodSeconds };
        await k8sDelete(DataSourceModel, row.name, opts);
        if (dv && o.deleteDataVolumes)
          await k8sDelete(DataVolumeModel, dv, { ...opts, propagationPolicy: 'Background' });
      }}
    >
      <Content component="p">
        DataSource <strong>{row.name}</strong> in namespace <strong>{row.namespace}</strong> is deleted; VMs already
        cloned from it keep their disks.
        {row.cron ? ` DataImportCron ${row.cron} manages it and will make it again.` : ''}
      </Content>
    </DeleteDialog>
  );
}
