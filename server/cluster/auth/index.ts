/**
 * Authentication (bearer tokens from the users file) and RBAC authorization over the cluster's
 * Role/ClusterRole/RoleBinding/ClusterRoleBinding objects (the users file becomes bindings, see
 * rbac-source.ts), with kube-apiserver's 401 and 403 bodies. Without a users file every request
 * is "system:admin".
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { V1Status } from '../store/status.js';
import { ALLOW_ALL_RULES, type Store, type SubjectRules } from '../store/index.js';
import { bootstrapPolicy } from './bootstrap-policy.js';
import { rbacAuthorize, rbacRulesFor, type RbacAttributes, type RbacSource } from './rbac-rules.js';
import { staticSource, storeSource, syncPolicy, usersFileBindings } from './rbac-source.js';
import { readUsersFile, type UserEntry } from './users-file.js';
import { authenticateServiceAccountToken } from './sa-token.js';

export type Attributes = RbacAttributes;
export { UsersFileError, parseUsers, type RoleGrant, type RoleName, type UserEntry } from './users-file.js';

export interface UserInfo {
  name: string;
  groups: string[];
}

export interface Auth {
  authenticate(headers: IncomingHttpHeaders): { user: UserInfo } | { status: V1Status };
  authorize(user: UserInfo, attrs: Attributes): { allowed: boolean; reason: string };
  /** What a SelfSubjectRulesReview of `namespace` lists (kube-apiserver's RulesFor of the same authorizer). */
  rulesFor(user: UserInfo, namespace: string): SubjectRules;
  forbidden(user: UserInfo, attrs: Attributes): V1Status;
  describe(): string;
  /** Stops what createAuth started on the store (the users-file bindings of new namespaces). */
  stop(): void;
}

export const SYSTEM_ADMIN: UserInfo = { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] };
export const ANONYMOUS: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

/** kube-apiserver's 401 body, byte for byte once serialized. */
export function unauthorizedStatus(): V1Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Unauthorized',
    reason: 'Unauthorized',
    code: 401,
  };
}

/**
 * responsewriters.forbiddenMessage + apierrors.NewForbidden: "<resource>.<group> "<name>" is
 * forbidden: User "u" cannot <verb> resource "<resource>[/<sub>]" in API group "<g>" in the
 * namespace "<ns>" | at the cluster scope".
 */
export function forbiddenStatus(user: UserInfo, a: Attributes, reason = ''): V1Status {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  let why = `User ${JSON.stringify(user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.group)} ${scope}`;
  if (reason) why += `: ${reason}`;
  const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
  const message = a.name
    ? `${qualified} ${JSON.stringify(a.name)} is forbidden: ${why}`
    : `${qualified} is forbidden: ${why}`;
  const details: NonNullable<V1Status['details']> = {};
  if (a.name) details.name = a.name;
  if (a.group) details.group = a.group;
  details.kind = a.resource;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details,
    code: 403,
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

interface Account {
  user: UserInfo;
  tokenHash: Buffer;
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined | null {
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

/** A TokenRequest token of this cluster's store: its service account, 401 once invalid. */
function serviceAccountUser(
  store: Store | undefined,
  token: string,
): { user: UserInfo } | { status: V1Status } | undefined {
  if (!store) return undefined;
  const user = authenticateServiceAccountToken(store, token);
  if (user === undefined) return undefined;
  return user ? { user } : { status: unauthorizedStatus() };
}

function allowAll(store?: Store): Auth {
  return {
    // Service account tokens still name their account; anything else is the admin.
    authenticate: (headers) => {
      const token = bearerToken(headers);
      return (token && serviceAccountUser(store, token)) || { user: SYSTEM_ADMIN };
    },
    authorize: () => ({ allowed: true, reason: 'no users file: every request is allowed' }),
    rulesFor: () => ALLOW_ALL_RULES,
    forbidden: (user, attrs) => forbiddenStatus(user, attrs),
    describe: () => 'auth: no users file, every request is admin ("system:admin")',
    stop: () => {},
  };
}

function fromUsers(entries: UserEntry[], source: string, rbac: RbacSource, stop: () => void, store?: Store): Auth {
  const accounts: Account[] = entries.map((e) => ({
    user: { name: e.name, groups: [...e.groups, 'system:authenticated'] },
    tokenHash: digest(e.token),
  }));
  return {
    authenticate(headers) {
      const token = bearerToken(headers);
      // No credentials: the anonymous user, which the roles below allow nothing.
      if (token === undefined) return { user: ANONYMOUS };
      if (token === null) return { status: unauthorizedStatus() };
      const hash = digest(token);
      const account = accounts.find((a) => timingSafeEqual(a.tokenHash, hash));
      if (account) return { user: account.user };
      return serviceAccountUser(store, token) ?? { status: unauthorizedStatus() };
    },
    authorize: (user, attrs) => rbacAuthorize(rbac, user, attrs),
    rulesFor: (user, namespace) => ({ ...rbacRulesFor(rbac, user, namespace), incomplete: false }),
    forbidden: (user, attrs) => forbiddenStatus(user, attrs),
    describe: () =>
      `auth: ${accounts.length} user${accounts.length === 1 ? '' : 's'} from ${source}; bearer tokens required, anonymous requests are forbidden`,
    stop,
  };
}

/**
 * Builds the authenticator/authorizer; throws UsersFileError for an unreadable or invalid file.
 * With a store, the bootstrap roles and the users file's bindings are written into it and RBAC
 * reads its objects; without one, RBAC reads those objects from memory.
 */
export function createAuth(opts: { usersFile?: string; users?: UserEntry[]; store?: Store }): Auth {
  const users = opts.users ?? (opts.usersFile ? readUsersFile(opts.usersFile) : undefined);
  const bindings = usersFileBindings(users ?? []);
  const stop = opts.store ? syncPolicy(opts.store, bindings) : () => {};
  if (!users) return { ...allowAll(opts.store), stop };
  const rbac = opts.store ? storeSource(opts.store) : staticSource([...bootstrapPolicy(), ...bindings]);
  return fromUsers(users, opts.usersFile ?? 'the given list', rbac, stop, opts.store);
}
