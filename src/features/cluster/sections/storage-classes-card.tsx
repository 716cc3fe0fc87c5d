import type { IoK8sApiStorageV1StorageClass } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { Card, CardBody, CardTitle, Label, LabelGroup } from '@patternfly/react-core';
import { EmptyStateView } from '../../../components/empty-state';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table';
import { StorageClassModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { isDefaultStorageClass, isDefaultVirtStorageClass, sortStorageClasses } from '../model/storage';
import { DataState } from './data-state';

const COLUMNS: ResourceColumn<IoK8sApiStorageV1StorageClass>[] = [
  {
    id: 'name',
    title: 'Name',
    cell: (sc) => (
      <>
        {sc.metadata?.name}{' '}
        <LabelGroup>
          {isDefaultStorageClass(sc) && (
            <Label color="blue" isCompact>
              Default
            </Label>
          )}
          {isDefaultVirtStorageClass(sc) && (
            <Label color="purple" isCompact>
              Default for VMs
            </Label>
          )}
        </LabelGroup>
      </>
    ),
  },
  { id: 'provisioner', title: 'Provisioner', cell: (sc) => sc.provisioner },
  { id: 'reclaim', title: 'Reclaim policy', cell: (sc) => sc.reclaimPolicy ?? 'Delete' },
  { id: 'binding', title: 'Volume binding', cell: (sc) => sc.volumeBindingMode ?? 'Immediate' },
  { id: 'expansion', title: 'Expansion', cell: (sc) => (sc.allowVolumeExpansion ? 'Allowed' : 'No') },
];

/** Storage classes, with the cluster default (storageclass.kubernetes.io/is-default-class) marked. */
export function StorageClassesCard() {
  const { data, error } = useK8sList(StorageClassModel);
  return (
    <Card id="storage-classes-card" aria-labelledby="storage-classes-card-title">
      <CardTitle component="h2" id="storage-classes-card-title">
        Storage classes
      </CardTitle>
      <CardBody>
        <DataState what="storage classes" data={data} error={error}>
          {(list) =>
            list.length === 0 ? (
              <EmptyStateView title="No storage classes">
                DataVolumes need a storage class, or pre-provisioned volumes.
              </EmptyStateView>
            ) : (
              <ResourceTable
                ariaLabel="Storage classes"
                idPrefix="storageclass"
                columns={COLUMNS}
                rows={sortStorageClasses(list)}
              />
            )
          }
        </DataState>
      </CardBody>
    </Card>
  );
}
