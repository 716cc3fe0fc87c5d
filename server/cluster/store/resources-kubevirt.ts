/**
 * The rest of the kinds KubeVirt and CDI serve (their groups and versions as in their published
 * OpenAPI documents, server/cluster/openapi-data/): names, scope, short names, categories, printer
 * columns and subresources as KubeVirt's virt-operator (pkg/virt-operator/resource/generate/
 * components/crds.go) and CDI's operator declare them.
 */
import type { PrinterColumn, ResourceInfo } from './resources.js';

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const phase: PrinterColumn = { name: 'Phase', type: 'string', jsonPath: '.status.phase' };
const error: PrinterColumn = { name: 'Error', type: 'string', jsonPath: '.status.error.message' };

type Def = Pick<ResourceInfo, 'group' | 'versions' | 'kind' | 'plural' | 'namespaced'> & Partial<ResourceInfo>;

function crd(d: Def): ResourceInfo {
  return {
    singular: d.plural.replace(/s$/, ''),
    verbs: CRUD,
    custom: true,
    generation: 'spec',
    categories: ['all'],
    shortNames: [],
    hasStatus: true,
    ...d,
  };
}

const replicas = (what: string): PrinterColumn[] => [
  { name: 'Desired', type: 'integer', jsonPath: '.spec.replicas', description: `Number of desired ${what}` },
  {
    name: 'Current',
    type: 'integer',
    jsonPath: '.status.replicas',
    description: `Number of managed and not final or deleted ${what}`,
  },
  {
    name: 'Ready',
    type: 'integer',
    jsonPath: '.status.readyReplicas',
    description: `Number of managed ${what} which are ready to receive traffic`,
  },
  age,
];

export const KUBEVIRT_MORE_RESOURCES: ResourceInfo[] = [
  crd({
    group: 'kubevirt.io',
    versions: ['v1', 'v1alpha3'],
    kind: 'VirtualMachineInstanceReplicaSet',
    plural: 'virtualmachineinstancereplicasets',
    shortNames: ['vmirs', 'vmirss'],
    namespaced: true,
    columns: replicas('VirtualMachineInstances'),
    scale: true,
  }),
  crd({
    group: 'kubevirt.io',
    versions: ['v1', 'v1alpha3'],
    kind: 'VirtualMachineInstancePreset',
    plural: 'virtualmachineinstancepresets',
    shortNames: ['vmipreset', 'vmipresets'],
    namespaced: true,
    hasStatus: false,
  }),
  crd({
    group: 'pool.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachinePool',
    plural: 'virtualmachinepools',
    shortNames: ['vmpool', 'vmpools'],
    namespaced: true,
    columns: replicas('VirtualMachines'),
    scale: true,
  }),
  crd({
    group: 'export.kubevirt.io',
    versions: ['v1'],
    kind: 'VirtualMachineExport',
    plural: 'virtualmachineexports',
    shortNames: ['vmexport', 'vmexports'],
    namespaced: true,
    columns: [
      { name: 'SourceKind', type: 'string', jsonPath: '.spec.source.kind' },
      { name: 'SourceName', type: 'string', jsonPath: '.spec.source.name' },
      phase,
    ],
  }),
  crd({
    group: 'migrations.kubevirt.io',
    versions: ['v1alpha1'],
    kind: 'MigrationPolicy',
    plural: 'migrationpolicies',
    singular: 'migrationpolicy',
    namespaced: false,
    categories: [],
  }),
  crd({
    group: 'snapshot.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineSnapshotContent',
    plural: 'virtualmachinesnapshotcontents',
    shortNames: ['vmsnapshotcontent', 'vmsnapshotcontents'],
    namespaced: true,
    columns: [
      { name: 'ReadyToUse', type: 'boolean', jsonPath: '.status.readyToUse' },
      { name: 'CreationTime', type: 'date', jsonPath: '.status.creationTime' },
      error,
    ],
  }),
  crd({
    group: 'snapshot.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineRestore',
    plural: 'virtualmachinerestores',
    shortNames: ['vmrestore', 'vmrestores'],
    namespaced: true,
    columns: [
      { name: 'TargetKind', type: 'string', jsonPath: '.spec.target.kind' },
      { name: 'TargetName', type: 'string', jsonPath: '.spec.target.name' },
      { name: 'Complete', type: 'boolean', jsonPath: '.status.complete' },
      { name: 'RestoreTime', type: 'date', jsonPath: '.status.restoreTime' },
      error,
    ],
  }),
  crd({
    group: 'clone.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineClone',
    plural: 'virtualmachineclones',
    shortNames: ['vmclone', 'vmclones'],
    namespaced: true,
    columns: [
      phase,
      { name: 'SourceVirtualMachine', type: 'string', jsonPath: '.spec.source.name' },
      { name: 'TargetVirtualMachine', type: 'string', jsonPath: '.spec.target.name' },
    ],
  }),
  crd({
    group: 'backup.kubevirt.io',
    versions: ['v1alpha1'],
    kind: 'VirtualMachineBackup',
    plural: 'virtualmachinebackups',
    shortNames: ['vmbackup', 'vmbackups'],
    namespaced: true,
  }),
  crd({
    group: 'cdi.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'DataSource',
    plural: 'datasources',
    shortNames: ['das'],
    namespaced: true,
    columns: [age],
  }),
  crd({
    group: 'cdi.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'DataImportCron',
    plural: 'dataimportcrons',
    shortNames: ['dic', 'dics'],
    namespaced: true,
    columns: [age],
  }),
  // cdi-apiserver's aggregated API (an APIService, not a CRD): create-only, never stored.
  crd({
    group: 'upload.cdi.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'UploadTokenRequest',
    plural: 'uploadtokenrequests',
    shortNames: ['utr', 'utrs'],
    namespaced: true,
    verbs: ['create'],
    virtual: true,
    custom: false,
    categories: [],
    hasStatus: false,
    generation: 'none',
  }),
  crd({
    group: 'cdi.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'CDIConfig',
    plural: 'cdiconfigs',
    namespaced: false,
    categories: [],
    columns: [age],
  }),
];
