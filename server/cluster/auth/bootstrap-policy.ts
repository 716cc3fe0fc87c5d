/**
 * The ClusterRoles and ClusterRoleBindings a real cluster has from its first start: Kubernetes'
 * bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go: cluster-admin,
 * admin, edit, view, system:basic-user, system:discovery), with KubeVirt's and CDI's aggregated
 * roles already folded into admin/edit/view (pkg/virt-operator/resource/generate/rbac/cluster.go:
 * kubevirt.io:admin/edit/view, and kubevirt.io:default, instancetype.kubevirt.io:view bound to
 * system:authenticated), plus OpenShift's basic-user (StorageClasses). The aggregated roles'
 * resources are this cluster's own namespaced resources, read from the registry.
 */
import { RESOURCES, type ResourceInfo } from '../store/resources.js';
import type { PolicyRule } from './rbac-rules.js';

const RBAC = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Subresources of built-in kinds (besides /status) that the aggregated roles name. */
const EXTRA_SUBRESOURCES: Record<string, { read: string[]; write: string[] }> = {
  '/pods': { read: ['log'], write: ['log', 'eviction', 'exec', 'attach', 'portforward'] },
  'apps/deployments': { read: ['scale'], write: ['scale'] },
};

/** kubevirt.io:view's subresources.kubevirt.io reads (read-only facts about the guest). */
export const KUBEVIRT_VIEW_SUBRESOURCES = [
  'virtualmachineinstances/guestosinfo',
  'virtualmachineinstances/filesystemlist',
  'virtualmachineinstances/userlist',
  'virtualmachineinstances/sev/fetchcertchain',
  'virtualmachines/expand-spec',
];

const isRbac = (r: ResourceInfo) => r.group === RBAC;

function namespacedRules(pick: (r: ResourceInfo) => boolean, write: boolean): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of RESOURCES) {
    if (!r.namespaced || r.virtual || !pick(r)) continue;
    const list = byGroup.get(r.group) ?? [];
    list.push(r.plural);
    if (r.hasStatus) list.push(`${r.plural}/status`);
    const extra = EXTRA_SUBRESOURCES[`${r.group}/${r.plural}`];
    for (const s of extra ? (write ? extra.write : extra.read) : []) list.push(`${r.plural}/${s}`);
    byGroup.set(r.group, list);
  }
  return [...byGroup].map(([group, resources]) => ({
    apiGroups: [group],
    resources,
    verbs: write ? WRITE : READ,
  }));
}

const namespacesRead: PolicyRule = { apiGroups: [''], resources: ['namespaces'], verbs: READ };

function viewRules(): PolicyRule[] {
  return [
    ...namespacedRules((r) => !isRbac(r) && !(r.group === '' && r.plural === 'secrets'), false),
    namespacesRead,
    { apiGroups: ['subresources.kubevirt.io'], resources: KUBEVIRT_VIEW_SUBRESOURCES, verbs: ['get'] },
  ];
}

/**
 * CDI's cdi.kubevirt.io:edit/admin: upload tokens (cdi-apiserver's aggregated API) and
 * `datavolumes/source`, which CDI checks (a SubjectAccessReview in the source namespace) before
 * a DataVolume clones from there.
 */
const CDI_WRITE_RULES: PolicyRule[] = [
  { apiGroups: ['upload.cdi.kubevirt.io'], resources: ['uploadtokenrequests'], verbs: ['*'] },
  { apiGroups: ['cdi.kubevirt.io'], resources: ['datavolumes/source'], verbs: ['create'] },
];

function editRules(): PolicyRule[] {
  return [
    ...namespacedRules((r) => !isRbac(r), true),
    namespacesRead,
    { apiGroups: ['subresources.kubevirt.io'], resources: ['*'], verbs: ['*'] },
    ...CDI_WRITE_RULES,
  ];
}

function adminRules(): PolicyRule[] {
  return [
    ...namespacedRules(() => true, true),
    namespacesRead,
    { apiGroups: ['subresources.kubevirt.io'], resources: ['*'], verbs: ['*'] },
    { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
    ...CDI_WRITE_RULES,
  ];
}

export interface BootstrapObject {
  apiVersion: string;
  kind: 'ClusterRole' | 'ClusterRoleBinding';
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  rules?: PolicyRule[];
  roleRef?: { apiGroup: string; kind: string; name: string };
  subjects?: { apiGroup: string; kind: string; name: string }[];
}

const meta = (name: string) => ({
  name,
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
});

function role(name: string, rules: PolicyRule[]): BootstrapObject {
  return { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: meta(name), rules };
}

function bindGroups(name: string, roleName: string, groups: string[]): BootstrapObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: meta(name),
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: roleName },
    subjects: groups.map((g) => ({ apiGroup: RBAC, kind: 'Group', name: g })),
  };
}

let cached: BootstrapObject[] | undefined;

/** The bootstrap ClusterRoles and ClusterRoleBindings (computed once from the registry). */
export function bootstrapPolicy(): BootstrapObject[] {
  cached ??= [
    role('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    role('admin', adminRules()),
    role('edit', editRules()),
    role('view', viewRules()),
    role('system:basic-user', [
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        verbs: ['create'],
      },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    role('system:discovery', [
      {
        nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*'],
        verbs: ['get'],
      },
      { nonResourceURLs: ['/readyz', '/version', '/version/'], verbs: ['get'] },
    ]),
    role('basic-user', [{ apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: READ }]),
    role('kubevirt.io:default', [
      { apiGroups: ['subresources.kubevirt.io'], resources: ['version', 'guestfs', 'healthz'], verbs: ['get', 'list'] },
    ]),
    role('instancetype.kubevirt.io:view', [
      {
        apiGroups: ['instancetype.kubevirt.io'],
        resources: ['virtualmachineclusterinstancetypes', 'virtualmachineclusterpreferences'],
        verbs: READ,
      },
    ]),
    bindGroups('cluster-admin', 'cluster-admin', ['system:masters']),
    bindGroups('system:basic-user', 'system:basic-user', ['system:authenticated']),
    bindGroups('system:discovery', 'system:discovery', ['system:authenticated']),
    bindGroups('basic-users', 'basic-user', ['system:authenticated']),
    bindGroups('kubevirt.io:default', 'kubevirt.io:default', ['system:authenticated', 'system:unauthenticated']),
    bindGroups('instancetype.kubevirt.io:view', 'instancetype.kubevirt.io:view', ['system:authenticated']),
  ];
  return cached;
}
