/**
 * The CSI snapshot kinds (snapshot.storage.k8s.io/v1) that KubeVirt's snapshot controller creates
 * and reads: names, scope, short names and printer columns as the kubernetes-csi/external-snapshotter
 * CRDs declare them (client/config/crd/snapshot.storage.k8s.io_volumesnapshot{s,classes,contents}.yaml).
 */
import type { PrinterColumn, ResourceInfo } from './resources.js';

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const GROUP = 'snapshot.storage.k8s.io';
const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

type Def = Pick<ResourceInfo, 'kind' | 'plural' | 'namespaced' | 'shortNames'> & Partial<ResourceInfo>;

function crd(d: Def): ResourceInfo {
  return {
    group: GROUP,
    versions: ['v1'],
    singular: d.plural.replace(/s$/, '').replace(/classe$/, 'class'),
    verbs: CRUD,
    custom: true,
    generation: 'spec',
    categories: [],
    hasStatus: true,
    ...d,
  };
}

export const CSI_SNAPSHOT_RESOURCES: ResourceInfo[] = [
  crd({
    kind: 'VolumeSnapshotClass',
    plural: 'volumesnapshotclasses',
    shortNames: ['vsclass', 'vsclasses'],
    namespaced: false,
    hasStatus: false,
    columns: [
      { name: 'Driver', type: 'string', jsonPath: '.driver' },
      {
        name: 'DeletionPolicy',
        type: 'string',
        jsonPath: '.deletionPolicy',
        description:
          'Determines whether a VolumeSnapshotContent created through the VolumeSnapshotClass should be deleted when its bound VolumeSnapshot is deleted.',
      },
      age,
    ],
  }),
  crd({
    kind: 'VolumeSnapshot',
    plural: 'volumesnapshots',
    shortNames: ['vs'],
    namespaced: true,
    columns: [
      {
        name: 'ReadyToUse',
        type: 'boolean',
        jsonPath: '.status.readyToUse',
        description: 'Indicates if the snapshot is ready to be used to restore a volume.',
      },
      {
        name: 'SourcePVC',
        type: 'string',
        jsonPath: '.spec.source.persistentVolumeClaimName',
        description:
          'If a new snapshot needs to be created, this contains the name of the source PVC from which this snapshot was (or will be) created.',
      },
      {
        name: 'SourceSnapshotContent',
        type: 'string',
        jsonPath: '.spec.source.volumeSnapshotContentName',
        description:
          'If a snapshot already exists, this contains the name of the existing VolumeSnapshotContent object representing the existing snapshot.',
      },
      {
        name: 'RestoreSize',
        type: 'string',
        jsonPath: '.status.restoreSize',
        description: 'Represents the minimum size of volume required to rehydrate from this snapshot.',
      },
      {
        name: 'SnapshotClass',
        type: 'string',
        jsonPath: '.spec.volumeSnapshotClassName',
        description: 'The name of the VolumeSnapshotClass requested by the VolumeSnapshot.',
      },
      {
        name: 'SnapshotContent',
        type: 'string',
        jsonPath: '.status.boundVolumeSnapshotContentName',
        description:
          'Name of the VolumeSnapshotContent object to which the VolumeSnapshot object intends to bind to. Please note that verification of binding actually requires checking both VolumeSnapshot and VolumeSnapshotContent to ensure both are pointing at each other. Binding MUST be verified prior to usage of this object.',
      },
      {
        name: 'CreationTime',
        type: 'date',
        jsonPath: '.status.creationTime',
        description: 'Timestamp when the point-in-time snapshot was taken by the underlying storage system.',
      },
      age,
    ],
  }),
  crd({
    kind: 'VolumeSnapshotContent',
    plural: 'volumesnapshotcontents',
    shortNames: ['vsc', 'vscs'],
    namespaced: false,
    columns: [
      {
        name: 'ReadyToUse',
        type: 'boolean',
        jsonPath: '.status.readyToUse',
        description: 'Indicates if a snapshot is ready to be used to restore a volume.',
      },
      {
        name: 'RestoreSize',
        type: 'integer',
        jsonPath: '.status.restoreSize',
        description: 'Represents the complete size of the snapshot in bytes',
      },
      {
        name: 'DeletionPolicy',
        type: 'string',
        jsonPath: '.spec.deletionPolicy',
        description:
          'Determines whether this VolumeSnapshotContent and its physical snapshot on the underlying storage system should be deleted when its bound VolumeSnapshot is deleted.',
      },
      {
        name: 'Driver',
        type: 'string',
        jsonPath: '.spec.driver',
        description: 'Name of the CSI driver used to create the physical snapshot on the underlying storage system.',
      },
      {
        name: 'VolumeSnapshotClass',
        type: 'string',
        jsonPath: '.spec.volumeSnapshotClassName',
        description: 'Name of the VolumeSnapshotClass to which this snapshot belongs.',
      },
      {
        name: 'VolumeSnapshot',
        type: 'string',
        jsonPath: '.spec.volumeSnapshotRef.name',
        description: 'Name of the VolumeSnapshot object to which this VolumeSnapshotContent object is bound.',
      },
      {
        name: 'VolumeSnapshotNamespace',
        type: 'string',
        jsonPath: '.spec.volumeSnapshotRef.namespace',
        description: 'Namespace of the VolumeSnapshot object to which this VolumeSnapshotContent object is bound.',
      },
      age,
    ],
  }),
];
