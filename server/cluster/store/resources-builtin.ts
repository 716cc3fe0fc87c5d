/**
 * Built-in API groups a cluster user touches besides the core ones (issue 19 item 4): RBAC,
 * SelfSubjectReview, events.k8s.io, policy (PodDisruptionBudgets), coordination (Leases) and
 * apiregistration (APIServices). Names, short names and scopes as kube-apiserver's discovery
 * lists them (pkg/registry/<group>/rest/storage_<group>.go).
 */
import type { ResourceInfo } from './resources.js';

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

type Def = Pick<ResourceInfo, 'group' | 'kind' | 'plural' | 'singular' | 'namespaced'> & Partial<ResourceInfo>;

function builtin(d: Def): ResourceInfo {
  return {
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

const RBAC = 'rbac.authorization.k8s.io';

export const BUILTIN_GROUP_RESOURCES: ResourceInfo[] = [
  builtin({ group: RBAC, kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', namespaced: false }),
  builtin({
    group: RBAC,
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    singular: 'clusterrolebinding',
    namespaced: false,
  }),
  builtin({ group: RBAC, kind: 'Role', plural: 'roles', singular: 'role', namespaced: true }),
  builtin({ group: RBAC, kind: 'RoleBinding', plural: 'rolebindings', singular: 'rolebinding', namespaced: true }),
  builtin({
    group: 'authentication.k8s.io',
    kind: 'SelfSubjectReview',
    plural: 'selfsubjectreviews',
    singular: 'selfsubjectreview',
    namespaced: false,
    verbs: ['create'],
    virtual: true,
  }),
  builtin({
    group: 'events.k8s.io',
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
    fieldSelectors: ['reason', 'type', 'reportingController', 'regarding.kind', 'regarding.name'],
  }),
  builtin({
    group: 'policy',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    namespaced: true,
    hasStatus: true,
    generation: 'spec',
  }),
  builtin({
    group: 'apps',
    kind: 'ControllerRevision',
    plural: 'controllerrevisions',
    singular: 'controllerrevision',
    namespaced: true,
  }),
  builtin({ group: 'coordination.k8s.io', kind: 'Lease', plural: 'leases', singular: 'lease', namespaced: true }),
  builtin({
    group: 'apiregistration.k8s.io',
    kind: 'APIService',
    plural: 'apiservices',
    singular: 'apiservice',
    namespaced: false,
    hasStatus: true,
    categories: ['api-extensions'],
  }),
];
