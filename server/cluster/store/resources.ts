/** Every resource the embedded cluster serves: the registry that discovery, storage and tables read. */
import { BUILTIN_GROUP_RESOURCES } from './resources-builtin.js';
import { KUBEVIRT_MORE_RESOURCES } from './resources-kubevirt.js';
import { CSI_SNAPSHOT_RESOURCES } from './resources-csi-snapshot.js';

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  /** JSONPath-like expression relative to the object, e.g. `.status.conditions[?(@.type=='Ready')].status` */
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

export interface ResourceInfo {
  group: string;
  /** Served versions; the first is the preferred (and storage) version. */
  versions: string[];
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  /** Has a /status subresource (status dropped on create, ignored on main-endpoint updates). */
  hasStatus: boolean;
  verbs: string[];
  /** A custom resource (CRD): strategic merge patch refused, PUT needs a resourceVersion. */
  custom: boolean;
  /** When metadata.generation bumps: on changes outside metadata/status, or never. */
  generation: 'spec' | 'none';
  /** CRD printer columns (Name and, for CRDs without columns, Age are added by the table code). */
  columns?: PrinterColumn[];
  /** Extra field selectors beyond metadata.name / metadata.namespace. */
  fieldSelectors?: string[];
  /** Not stored: a create-only virtual resource like SelfSubjectAccessReview. */
  virtual?: boolean;
  /** Has a /scale subresource (spec.replicas, status.replicas, status.labelSelector), as a CRD declares it. */
  scale?: boolean;
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const cond = (t: string) => `.status.conditions[?(@.type=='${t}')].status`;

type Def = Omit<ResourceInfo, 'verbs' | 'custom' | 'generation' | 'categories' | 'shortNames' | 'hasStatus'> &
  Partial<Pick<ResourceInfo, 'verbs' | 'custom' | 'generation' | 'categories' | 'shortNames' | 'hasStatus'>>;

function core(d: Omit<Def, 'group' | 'versions'>): ResourceInfo {
  return {
    group: '',
    versions: ['v1'],
    verbs: CRUD,
    custom: false,
    generation: 'none',
    categories: [],
    shortNames: [],
    hasStatus: false,
    ...d,
  };
}
function crd(d: Def): ResourceInfo {
  return { verbs: CRUD, custom: true, generation: 'spec', categories: [], shortNames: [], hasStatus: true, ...d };
}

const KV = ['v1', 'v1alpha3'];

export const RESOURCES: ResourceInfo[] = [
  core({
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
    hasStatus: true,
    verbs: NO_COLLECTION_DELETE,
    fieldSelectors: ['status.phase'],
  }),
  core({
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
    hasStatus: true,
    fieldSelectors: ['spec.unschedulable'],
  }),
  core({
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    categories: ['all'],
    namespaced: true,
    hasStatus: true,
    fieldSelectors: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
  }),
  core({
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    categories: ['all'],
    namespaced: true,
    hasStatus: true,
  }),
  core({ kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true }),
  core({
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
    fieldSelectors: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  }),
  core({
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    namespaced: true,
    hasStatus: true,
  }),
  core({ kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true }),
  core({ kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true, fieldSelectors: ['type'] }),
  core({
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    shortNames: ['sa'],
    namespaced: true,
  }),
  // Workloads and ingress: stored and served (no controllers), so deployment manifests apply as on a real cluster.
  {
    ...core({
      kind: 'Deployment',
      plural: 'deployments',
      singular: 'deployment',
      shortNames: ['deploy'],
      categories: ['all'],
      namespaced: true,
      hasStatus: true,
      generation: 'spec',
    }),
    group: 'apps',
  },
  {
    ...core({
      kind: 'Ingress',
      plural: 'ingresses',
      singular: 'ingress',
      shortNames: ['ing'],
      namespaced: true,
      hasStatus: true,
      generation: 'spec',
    }),
    group: 'networking.k8s.io',
  },
  {
    ...core({ kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', namespaced: true }),
    group: 'discovery.k8s.io',
  },
  {
    ...core({
      kind: 'StorageClass',
      plural: 'storageclasses',
      singular: 'storageclass',
      shortNames: ['sc'],
      namespaced: false,
    }),
    group: 'storage.k8s.io',
  },
  {
    ...core({
      kind: 'PriorityClass',
      plural: 'priorityclasses',
      singular: 'priorityclass',
      shortNames: ['pc'],
      namespaced: false,
    }),
    group: 'scheduling.k8s.io',
  },
  {
    ...core({
      kind: 'SelfSubjectAccessReview',
      plural: 'selfsubjectaccessreviews',
      singular: 'selfsubjectaccessreview',
      namespaced: false,
      verbs: ['create'],
    }),
    group: 'authorization.k8s.io',
    virtual: true,
  },
  {
    ...core({
      kind: 'SelfSubjectRulesReview',
      plural: 'selfsubjectrulesreviews',
      singular: 'selfsubjectrulesreview',
      namespaced: false,
      verbs: ['create'],
    }),
    group: 'authorization.k8s.io',
    virtual: true,
  },
  {
    ...core({
      kind: 'CustomResourceDefinition',
      plural: 'customresourcedefinitions',
      singular: 'customresourcedefinition',
      shortNames: ['crd', 'crds'],
      namespaced: false,
      verbs: ['get', 'list'],
    }),
    group: 'apiextensions.k8s.io',
    virtual: true,
  },
  ...BUILTIN_GROUP_RESOURCES,
  crd({
    group: 'kubevirt.io',
    versions: KV,
    kind: 'VirtualMachine',
    plural: 'virtualmachines',
    singular: 'virtualmachine',
    shortNames: ['vm', 'vms'],
    categories: ['all'],
    namespaced: true,
    columns: [
      age,
      { name: 'Status', type: 'string', jsonPath: '.status.printableStatus' },
      { name: 'Ready', type: 'string', jsonPath: cond('Ready') },
    ],
  }),
  crd({
    group: 'kubevirt.io',
    versions: KV,
    kind: 'VirtualMachineInstance',
    plural: 'virtualmachineinstances',
    singular: 'virtualmachineinstance',
    shortNames: ['vmi', 'vmis'],
    categories: ['all'],
    namespaced: true,
    hasStatus: false,
    columns: [
      age,
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'IP', type: 'string', jsonPath: '.status.interfaces[0].ipAddress' },
      { name: 'NodeName', type: 'string', jsonPath: '.status.nodeName' },
      { name: 'Ready', type: 'string', jsonPath: cond('Ready') },
      { name: 'Live-Migratable', type: 'string', jsonPath: cond('LiveMigratable'), priority: 1 },
      { name: 'Paused', type: 'string', jsonPath: cond('Paused'), priority: 1 },
    ],
  }),
  crd({
    group: 'kubevirt.io',
    versions: KV,
    kind: 'VirtualMachineInstanceMigration',
    plural: 'virtualmachineinstancemigrations',
    singular: 'virtualmachineinstancemigration',
    shortNames: ['vmim', 'vmims'],
    categories: ['all'],
    namespaced: true,
    columns: [
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'VMI', type: 'string', jsonPath: '.spec.vmiName' },
    ],
  }),
  crd({
    group: 'kubevirt.io',
    versions: KV,
    kind: 'KubeVirt',
    plural: 'kubevirts',
    singular: 'kubevirt',
    shortNames: ['kv', 'kvs'],
    categories: ['all'],
    namespaced: true,
    columns: [age, { name: 'Phase', type: 'string', jsonPath: '.status.phase' }],
  }),
  crd({
    group: 'cdi.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'DataVolume',
    plural: 'datavolumes',
    singular: 'datavolume',
    shortNames: ['dv', 'dvs'],
    categories: ['all'],
    namespaced: true,
    columns: [
      { name: 'Phase', type: 'string', jsonPath: '.status.phase', description: 'The phase the data volume is in' },
      {
        name: 'Progress',
        type: 'string',
        jsonPath: '.status.progress',
        description: 'Transfer progress in percentage if known, N/A otherwise',
      },
      {
        name: 'Restarts',
        type: 'integer',
        jsonPath: '.status.restartCount',
        description: 'The number of times the transfer has been restarted.',
      },
      age,
    ],
  }),
  crd({
    group: 'cdi.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'CDI',
    plural: 'cdis',
    singular: 'cdi',
    shortNames: ['cdi', 'cdis'],
    namespaced: false,
    columns: [age, { name: 'Phase', type: 'string', jsonPath: '.status.phase' }],
  }),
  crd({
    group: 'instancetype.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineInstancetype',
    plural: 'virtualmachineinstancetypes',
    singular: 'virtualmachineinstancetype',
    shortNames: ['vminstancetype', 'vminstancetypes', 'vmf', 'vmfs'],
    categories: ['all'],
    namespaced: true,
    hasStatus: false,
  }),
  crd({
    group: 'instancetype.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineClusterInstancetype',
    plural: 'virtualmachineclusterinstancetypes',
    singular: 'virtualmachineclusterinstancetype',
    shortNames: ['vmclusterinstancetype', 'vmclusterinstancetypes', 'vmcf', 'vmcfs'],
    namespaced: false,
    hasStatus: false,
  }),
  crd({
    group: 'instancetype.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachinePreference',
    plural: 'virtualmachinepreferences',
    singular: 'virtualmachinepreference',
    shortNames: ['vmpref', 'vmprefs', 'vmp', 'vmps'],
    categories: ['all'],
    namespaced: true,
    hasStatus: false,
  }),
  crd({
    group: 'instancetype.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineClusterPreference',
    plural: 'virtualmachineclusterpreferences',
    singular: 'virtualmachineclusterpreference',
    shortNames: ['vmcp', 'vmcps'],
    namespaced: false,
    hasStatus: false,
  }),
  crd({
    group: 'snapshot.kubevirt.io',
    versions: ['v1beta1'],
    kind: 'VirtualMachineSnapshot',
    plural: 'virtualmachinesnapshots',
    singular: 'virtualmachinesnapshot',
    shortNames: ['vmsnapshot', 'vmsnapshots'],
    categories: ['all'],
    namespaced: true,
    columns: [
      { name: 'SourceKind', type: 'string', jsonPath: '.spec.source.kind' },
      { name: 'SourceName', type: 'string', jsonPath: '.spec.source.name' },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'ReadyToUse', type: 'boolean', jsonPath: '.status.readyToUse' },
      { name: 'CreationTime', type: 'date', jsonPath: '.status.creationTime' },
      { name: 'Error', type: 'string', jsonPath: '.status.error.message' },
    ],
  }),
  crd({
    group: 'k8s.cni.cncf.io',
    versions: ['v1'],
    kind: 'NetworkAttachmentDefinition',
    plural: 'network-attachment-definitions',
    singular: 'network-attachment-definition',
    shortNames: ['net-attach-def'],
    namespaced: true,
    hasStatus: false,
  }),
  {
    ...crd({
      group: 'route.openshift.io',
      versions: ['v1'],
      kind: 'Route',
      plural: 'routes',
      singular: 'route',
      namespaced: true,
      columns: [
        { name: 'Host', type: 'string', jsonPath: '.status.ingress[0].host' },
        { name: 'Path', type: 'string', jsonPath: '.spec.path' },
        { name: 'Services', type: 'string', jsonPath: '.spec.to.name' },
        { name: 'Port', type: 'string', jsonPath: '.spec.port.targetPort' },
        { name: 'Termination', type: 'string', jsonPath: '.spec.tls.termination' },
        { name: 'Wildcard', type: 'string', jsonPath: '.spec.wildcardPolicy' },
      ],
    }),
    custom: false,
    generation: 'none',
    fieldSelectors: ['spec.host', 'spec.path', 'spec.to.name'],
  },
  ...KUBEVIRT_MORE_RESOURCES,
  ...CSI_SNAPSHOT_RESOURCES,
];

/** "virtualmachines.kubevirt.io", or "pods" for the core group: the store's name for a resource. */
export type ResourceKey = string;

export function resourceKey(r: Pick<ResourceInfo, 'group' | 'plural'>): ResourceKey {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

const byKey = new Map<string, ResourceInfo>();
const byGroupKind = new Map<string, ResourceInfo>();
for (const r of RESOURCES) {
  byKey.set(resourceKey(r), r);
  byGroupKind.set(`${r.group}/${r.kind}`, r);
}

/** Looks up a resource by its key ("virtualmachines.kubevirt.io", "pods"). */
export function findResource(key: ResourceKey): ResourceInfo | undefined {
  return byKey.get(key);
}

export function getResource(key: ResourceKey): ResourceInfo {
  const r = byKey.get(key);
  if (!r) throw new Error(`unknown resource ${key}`);
  return r;
}

/** Looks up a resource by group and plural within a served version ("" is the core group). */
export function findServed(group: string, version: string, plural: string): ResourceInfo | undefined {
  const r = byKey.get(group ? `${plural}.${group}` : plural);
  return r && r.versions.includes(version) ? r : undefined;
}

/**
 * Whether kube-apiserver serves `group` itself (the core group and its built-in groups): its 404s
 * there are Status objects; under a CRD's group or an unknown one they are plain text.
 */
export function builtinGroup(group: string): boolean {
  return group === '' || RESOURCES.some((r) => r.group === group && !r.custom);
}

/** Looks up a resource by apiVersion ("kubevirt.io/v1", "v1") and kind. */
export function findByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return byGroupKind.get(`${group}/${kind}`);
}

export function apiVersionOf(r: ResourceInfo, version = r.versions[0]): string {
  return r.group ? `${r.group}/${version}` : version;
}

/** Groups in discovery order with their served versions (preferred first). */
export function servedGroups(): { group: string; versions: string[] }[] {
  const out = new Map<string, Set<string>>();
  for (const r of RESOURCES) {
    const set = out.get(r.group) ?? new Set<string>();
    for (const v of r.versions) set.add(v);
    out.set(r.group, set);
  }
  return [...out].map(([group, versions]) => ({ group, versions: [...versions] }));
}
