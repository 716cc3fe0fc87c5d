/**
 * The built-in roles, modelled on the ClusterRoles a real OpenShift + KubeVirt cluster binds:
 * cluster-admin; admin/edit/view bound in a namespace (Kubernetes' aggregated roles plus
 * kubevirt.io:admin/edit/view); and what every authenticated user gets cluster-wide
 * (system:basic-user, system:discovery, kubevirt.io:default).
 */
import type { RoleGrant } from './users-file.js';
import { RESOURCES } from '../store/resources.js';

/** `group/plural` of every cluster-scoped resource: a cluster-wide edit/view binding reads only namespaces of them. */
const CLUSTER_SCOPED = new Set(RESOURCES.filter((r) => !r.namespaced).map((r) => `${r.group}/${r.plural}`));

export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const READ = new Set(['get', 'list', 'watch']);

/** KubeVirt subresources of kubevirt.io:view (read-only information about the guest). */
const KUBEVIRT_VIEW_SUBRESOURCES = new Set([
  'virtualmachineinstances/guestosinfo',
  'virtualmachineinstances/filesystemlist',
  'virtualmachineinstances/userlist',
  'virtualmachineinstances/sev/fetchcertchain',
  'virtualmachines/expand-spec',
]);

/** Core subresources the view role reads (pods/log, pods/status ...). */
const VIEW_SUBRESOURCES = new Set(['log', 'status', 'scale']);

/** Cluster-scoped reads every authenticated user has (basic-user, kubevirt.io:default). */
const AUTHENTICATED_CLUSTER_READS = new Set([
  'storage.k8s.io/storageclasses',
  'instancetype.kubevirt.io/virtualmachineclusterinstancetypes',
  'instancetype.kubevirt.io/virtualmachineclusterpreferences',
]);

/** Self reviews every authenticated user may create. */
const SELF_REVIEWS = new Set([
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authentication.k8s.io/selfsubjectreviews',
]);

function key(a: Attributes): string {
  return `${a.group}/${a.resource}`;
}

/** What the namespaced view role allows. */
function viewAllows(a: Attributes): boolean {
  if (a.group === 'subresources.kubevirt.io') {
    return a.verb === 'get' && KUBEVIRT_VIEW_SUBRESOURCES.has(`${a.resource}/${a.subresource ?? ''}`);
  }
  if (!READ.has(a.verb)) return false;
  if (a.group === '' && a.resource === 'secrets') return false;
  if (a.subresource && !VIEW_SUBRESOURCES.has(a.subresource)) return false;
  return true;
}

/** What the namespaced edit role allows: everything namespaced but RBAC objects. */
function editAllows(a: Attributes): boolean {
  return a.group !== 'rbac.authorization.k8s.io';
}

export interface Decision {
  allowed: boolean;
  /** Which grant allowed it, in RBAC's words; empty when denied. */
  reason: string;
}

const DENY: Decision = { allowed: false, reason: '' };

/** edit or view bound cluster-wide (a ClusterRoleBinding): the role in every namespace, and namespaces readable. */
function clusterWideAllows(grant: RoleGrant, a: Attributes): boolean {
  if (!a.namespace && CLUSTER_SCOPED.has(key(a))) {
    return a.group === '' && a.resource === 'namespaces' && !a.subresource && READ.has(a.verb);
  }
  return grant.role === 'edit' ? editAllows(a) : viewAllows(a);
}

function grantAllows(grant: RoleGrant, a: Attributes): boolean {
  if (grant.role === 'admin' && !grant.namespaces) return true;
  if (!grant.namespaces) return clusterWideAllows(grant, a);
  const ns = a.namespace;
  const inScope = (n: string | undefined) => n !== undefined && (grant.namespaces ?? []).includes(n);
  // A RoleBinding's namespace rule also covers `get` on the Namespace object itself.
  if (a.group === '' && a.resource === 'namespaces' && !a.subresource && a.verb === 'get' && inScope(a.name))
    return true;
  if (!inScope(ns)) return false;
  if (grant.role === 'admin') return true;
  if (grant.role === 'edit') return editAllows(a);
  return viewAllows(a);
}

function roleRef(grant: RoleGrant): string {
  return grant.role === 'admin' && !grant.namespaces ? 'cluster-admin' : grant.role;
}

/** RBAC authorizer over the user's grants. */
export function authorizeGrants(
  userName: string,
  grants: RoleGrant[],
  a: Attributes,
  authenticated: boolean,
): Decision {
  for (const grant of grants) {
    if (grantAllows(grant, a)) {
      const binding =
        grant.namespaces && a.namespace
          ? `RoleBinding "${roleRef(grant)}-${userName}/${a.namespace}"`
          : `ClusterRoleBinding "${roleRef(grant)}-${userName}"`;
      return {
        allowed: true,
        reason: `RBAC: allowed by ${binding} of ClusterRole "${roleRef(grant)}" to User "${userName}"`,
      };
    }
  }
  if (!authenticated) return DENY;
  if (!a.namespace && !a.subresource) {
    if (READ.has(a.verb) && AUTHENTICATED_CLUSTER_READS.has(key(a))) {
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "basic-users" of ClusterRole "basic-user" to Group "system:authenticated"',
      };
    }
    if (a.verb === 'create' && SELF_REVIEWS.has(key(a))) {
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
      };
    }
  }
  return DENY;
}
