/**
 * Where RBAC objects come from: the store (the embedded cluster: `kubectl create rolebinding`
 * changes what a user may do at once), or a fixed list (createAuth without a store, in tests).
 * Also the users file turned into bindings, and the reconciliation that writes the bootstrap
 * policy and those bindings into the store, as kube-apiserver's RBAC post-start hook does for
 * its bootstrap roles (pkg/registry/rbac/rest/storage_rbac.go, autoupdate annotation).
 */
import type { Store } from '../store/index.js';
import { bootstrapPolicy, type BootstrapObject } from './bootstrap-policy.js';
import type { Binding, RbacSource, RoleObject } from './rbac-rules.js';
import type { UserEntry } from './users-file.js';

const RBAC = 'rbac.authorization.k8s.io';
export const CLUSTER_ROLES = `clusterroles.${RBAC}`;
export const CLUSTER_ROLE_BINDINGS = `clusterrolebindings.${RBAC}`;
export const ROLES = `roles.${RBAC}`;
export const ROLE_BINDINGS = `rolebindings.${RBAC}`;

/** A binding the users file asks for: cluster-wide (no namespace) or in one namespace. */
export interface UserBinding {
  apiVersion: string;
  kind: 'ClusterRoleBinding' | 'RoleBinding';
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  roleRef: { apiGroup: string; kind: 'ClusterRole'; name: string };
  subjects: { apiGroup: string; kind: 'User'; name: string }[];
}

/** The label on bindings made from the users file (docs/users-file.md). */
export const USERS_FILE_LABEL = 'kubevirt-console.io/users-file';

/**
 * admin without namespaces is ClusterRole cluster-admin; a role without namespaces is a
 * ClusterRoleBinding "<role>-<user>", with namespaces a RoleBinding of the same name in each.
 */
export function usersFileBindings(users: UserEntry[]): UserBinding[] {
  const out: UserBinding[] = [];
  for (const u of users) {
    for (const g of u.roles) {
      const clusterRole = g.role === 'admin' && !g.namespaces ? 'cluster-admin' : g.role;
      const name = `${clusterRole}-${u.name}`.replace(/[/%]/g, '-');
      const base = {
        apiVersion: `${RBAC}/v1`,
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole' as const, name: clusterRole },
        subjects: [{ apiGroup: RBAC, kind: 'User' as const, name: u.name }],
      };
      const labels = { [USERS_FILE_LABEL]: 'true' };
      if (!g.namespaces) out.push({ ...base, kind: 'ClusterRoleBinding', metadata: { name, labels } });
      else
        for (const namespace of g.namespaces)
          out.push({ ...base, kind: 'RoleBinding', metadata: { name, namespace, labels } });
    }
  }
  return out;
}

/** A fixed set of RBAC objects (no store): every users-file namespace is taken to exist. */
export function staticSource(objects: (BootstrapObject | UserBinding)[]): RbacSource {
  const crbs = objects.filter((o) => o.kind === 'ClusterRoleBinding') as unknown as Binding[];
  const rbs = objects.filter((o) => o.kind === 'RoleBinding') as unknown as Binding[];
  const roles = new Map(
    objects.filter((o) => o.kind === 'ClusterRole').map((o) => [o.metadata.name, o as unknown as RoleObject]),
  );
  return {
    clusterRoleBindings: () => crbs,
    roleBindings: (ns) => rbs.filter((b) => b.metadata.namespace === ns),
    clusterRole: (name) => roles.get(name),
    role: () => undefined,
  };
}

/** Reads the store on every decision: bindings take effect with the write that makes them. */
export function storeSource(store: Store): RbacSource {
  return {
    clusterRoleBindings: () => store.list(CLUSTER_ROLE_BINDINGS).items as unknown as Binding[],
    roleBindings: (ns) => store.list(ROLE_BINDINGS, { namespace: ns }).items as unknown as Binding[],
    clusterRole: (name) => store.tryGet(CLUSTER_ROLES, undefined, name) as unknown as RoleObject | undefined,
    role: (ns, name) => store.tryGet(ROLES, ns, name) as unknown as RoleObject | undefined,
  };
}

const SYSTEM = { user: 'system:apiserver' };

function createIfMissing(store: Store, res: string, obj: { metadata: { name: string; namespace?: string } }): void {
  if (store.tryGet(res, obj.metadata.namespace, obj.metadata.name)) return;
  try {
    store.create(res, structuredClone(obj) as never, { ...SYSTEM, namespace: obj.metadata.namespace });
  } catch {
    // a namespace going away, or created meanwhile: nothing to do
  }
}

/** The bootstrap roles: created when missing, their rules or subjects brought back when they drifted. */
function reconcileBootstrap(store: Store): void {
  for (const o of bootstrapPolicy()) {
    const res = o.kind === 'ClusterRole' ? CLUSTER_ROLES : CLUSTER_ROLE_BINDINGS;
    const cur = store.tryGet(res, undefined, o.metadata.name) as unknown as BootstrapObject | undefined;
    if (!cur) {
      createIfMissing(store, res, o);
      continue;
    }
    if (cur.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'] === 'false') continue;
    const same =
      JSON.stringify(cur.rules) === JSON.stringify(o.rules) &&
      JSON.stringify(cur.subjects) === JSON.stringify(o.subjects);
    if (same) continue;
    store.mutate(
      res,
      undefined,
      o.metadata.name,
      (x) => {
        const obj = x as unknown as BootstrapObject;
        if (o.rules) obj.rules = o.rules;
        if (o.subjects) obj.subjects = o.subjects;
      },
      SYSTEM,
    );
  }
}

/**
 * Writes the bootstrap policy and the users file's bindings into the store; a RoleBinding for a
 * namespace that does not exist yet is made when the namespace is created. Returns stop().
 */
export function syncPolicy(store: Store, bindings: UserBinding[]): () => void {
  reconcileBootstrap(store);
  const byNamespace = new Map<string, UserBinding[]>();
  for (const b of bindings) {
    if (b.kind === 'ClusterRoleBinding') createIfMissing(store, CLUSTER_ROLE_BINDINGS, b);
    else byNamespace.set(b.metadata.namespace!, [...(byNamespace.get(b.metadata.namespace!) ?? []), b]);
  }
  const ensure = (ns: string) => {
    for (const b of byNamespace.get(ns) ?? []) createIfMissing(store, ROLE_BINDINGS, b);
  };
  for (const ns of byNamespace.keys()) if (store.tryGet('namespaces', undefined, ns)) ensure(ns);
  if (!byNamespace.size) return () => {};
  return store.watch('namespaces', { resourceVersion: store.resourceVersion }, (ev) => {
    if (ev.type === 'ADDED') ensure(ev.object.metadata.name!);
  });
}
