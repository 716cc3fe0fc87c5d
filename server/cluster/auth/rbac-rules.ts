/**
 * The RBAC authorizer over Role, ClusterRole, RoleBinding and ClusterRoleBinding objects, as
 * kube-apiserver's: ClusterRoleBindings first, then the RoleBindings of the request's namespace
 * (pkg/registry/rbac/validation/rule.go VisitRulesFor, appliesTo), each rule matched by
 * pkg/apis/rbac/v1/evaluation_helpers.go (VerbMatches, APIGroupMatches, ResourceMatches with
 * `*` and `*\/subresource`, ResourceNameMatches), and the reason worded as
 * plugin/pkg/auth/authorizer/rbac/rbac.go says it ("RBAC: allowed by RoleBinding "name/ns" of
 * ClusterRole "edit" to User "bob"").
 */

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  kind: string;
  name: string;
  apiGroup?: string;
}

export interface Binding {
  metadata: { name: string; namespace?: string };
  subjects?: Subject[];
  roleRef: RoleRef;
}

export interface RoleObject {
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[] | null;
}

/** Where the authorizer reads RBAC objects: the store, or a fixed set in unit tests. */
export interface RbacSource {
  clusterRoleBindings(): readonly Binding[];
  roleBindings(namespace: string): readonly Binding[];
  clusterRole(name: string): RoleObject | undefined;
  role(namespace: string, name: string): RoleObject | undefined;
}

export interface RbacAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface RbacUser {
  name: string;
  groups: string[];
}

const has = (list: readonly string[] | undefined, v: string) => !!list && list.includes(v);

function verbMatches(r: PolicyRule, verb: string): boolean {
  return has(r.verbs, '*') || has(r.verbs, verb);
}

function apiGroupMatches(r: PolicyRule, group: string): boolean {
  return has(r.apiGroups, '*') || has(r.apiGroups, group);
}

function resourceMatches(r: PolicyRule, combined: string, subresource: string | undefined): boolean {
  for (const res of r.resources ?? []) {
    if (res === '*' || res === combined) return true;
    if (subresource && res === `*/${subresource}`) return true;
  }
  return false;
}

function resourceNameMatches(r: PolicyRule, name: string | undefined): boolean {
  if (!r.resourceNames?.length) return true;
  return name !== undefined && r.resourceNames.includes(name);
}

/** RuleAllows for a resource request (non-resource URLs are not authorized here). */
export function ruleAllows(a: RbacAttributes, r: PolicyRule): boolean {
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (
    verbMatches(r, a.verb) &&
    apiGroupMatches(r, a.group) &&
    resourceMatches(r, combined, a.subresource) &&
    resourceNameMatches(r, a.name)
  );
}

function appliesToUser(user: RbacUser, s: Subject, namespace: string): boolean {
  if (s.kind === 'User') return user.name === s.name;
  if (s.kind === 'Group') return user.groups.includes(s.name);
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || namespace;
    return !!ns && user.name === `system:serviceaccount:${ns}:${s.name}`;
  }
  return false;
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

function rulesOf(src: RbacSource, ref: RoleRef, bindingNamespace: string): readonly PolicyRule[] {
  if (ref.kind === 'ClusterRole') return src.clusterRole(ref.name)?.rules ?? [];
  if (ref.kind === 'Role' && bindingNamespace) return src.role(bindingNamespace, ref.name)?.rules ?? [];
  return [];
}

/**
 * Every rule that applies to the user in `namespace` ("" = cluster bindings only), with the
 * binding that grants it; the visitor returns false to stop.
 */
export function visitRulesFor(
  src: RbacSource,
  user: RbacUser,
  namespace: string,
  visit: (source: string, rule: PolicyRule) => boolean,
): void {
  for (const b of src.clusterRoleBindings()) {
    const subject = (b.subjects ?? []).find((s) => appliesToUser(user, s, ''));
    if (!subject) continue;
    const source = `ClusterRoleBinding ${JSON.stringify(b.metadata.name)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(subject, '')}`;
    for (const rule of rulesOf(src, b.roleRef, '')) if (!visit(source, rule)) return;
  }
  if (!namespace) return;
  for (const b of src.roleBindings(namespace)) {
    const subject = (b.subjects ?? []).find((s) => appliesToUser(user, s, namespace));
    if (!subject) continue;
    const source = `RoleBinding ${JSON.stringify(`${b.metadata.name}/${namespace}`)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(subject, namespace)}`;
    for (const rule of rulesOf(src, b.roleRef, namespace)) if (!visit(source, rule)) return;
  }
}

/**
 * kube's RequestInfo gives a request on a Namespace object that namespace (requestinfo.go), so a
 * RoleBinding's rules on `namespaces` cover its own Namespace.
 */
function requestNamespace(a: RbacAttributes): string {
  if (a.namespace) return a.namespace;
  if (a.group === '' && a.resource === 'namespaces' && a.name) return a.name;
  return '';
}

export function rbacAuthorize(
  src: RbacSource,
  user: RbacUser,
  a: RbacAttributes,
): { allowed: boolean; reason: string } {
  let reason = '';
  visitRulesFor(src, user, requestNamespace(a), (source, rule) => {
    if (!ruleAllows(a, rule)) return true;
    reason = `RBAC: allowed by ${source}`;
    return false;
  });
  return { allowed: reason !== '', reason };
}

export interface RbacRules {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
}

/**
 * The RBAC authorizer's RulesFor (plugin/pkg/auth/authorizer/rbac/rbac.go): every rule of every
 * binding that applies to the user in `namespace`, in the authorizer's order, split into resource
 * rules (those with resources) and non-resource rules (those with nonResourceURLs); nothing merged.
 */
export function rbacRulesFor(src: RbacSource, user: RbacUser, namespace: string): RbacRules {
  const out: RbacRules = { resourceRules: [], nonResourceRules: [] };
  const nonEmpty = (l: string[] | undefined) => (l?.length ? [...l] : undefined);
  visitRulesFor(src, user, namespace, (_source, rule) => {
    if (rule.resources?.length) {
      const r: RbacRules['resourceRules'][number] = { verbs: [...(rule.verbs ?? [])] };
      const apiGroups = nonEmpty(rule.apiGroups);
      if (apiGroups) r.apiGroups = apiGroups;
      r.resources = [...rule.resources];
      const resourceNames = nonEmpty(rule.resourceNames);
      if (resourceNames) r.resourceNames = resourceNames;
      out.resourceRules.push(r);
    }
    if (rule.nonResourceURLs?.length)
      out.nonResourceRules.push({ verbs: [...(rule.verbs ?? [])], nonResourceURLs: [...rule.nonResourceURLs] });
    return true;
  });
  return out;
}
