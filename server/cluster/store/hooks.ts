/**
 * Hook types the store and the API layer call. Engineer-owned implementations live in
 * server/cluster/admission/ (which uses these types) and server/cluster/auth/.
 */
import type { V1Status } from './status.js';

export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  kind: string;
  namespace?: string;
  name?: string;
  object?: Record<string, unknown>;
  oldObject?: Record<string, unknown>;
  dryRun: boolean;
  userName: string;
  /** How the request body was decoded: set by the HTTP layer, absent for in-process (typed) writes. */
  decode?: DecodeInfo;
}

/** The `fieldValidation` of a request and what the JSON decoder found (kube-apiserver's strict decoding). */
export interface DecodeInfo {
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /** Paths of fields that appear twice in the body, e.g. "spec.running". */
  duplicates: string[];
  /** The patch body, for a patch (strict errors of a patch name it). */
  patch?: unknown;
  /** A server-side apply: unknown fields fail it whatever fieldValidation says. */
  apply?: boolean;
  /** A YAML body: converted to JSON (keys sorted) before the strict decoder reads it. */
  yaml?: boolean;
  /**
   * Members of metadata that ObjectMeta does not have, which the store drops before admission:
   * their paths ("metadata.x") and positions in the body (index of `metadata`, index of the member).
   */
  unknownMetadata?: { path: string; at: number[] }[];
}

export type AdmissionResult =
  { allowed: true; warnings?: string[]; object?: Record<string, unknown> } | { allowed: false; status: V1Status };

export type AdmitFn = (req: AdmissionRequest) => AdmissionResult;

export interface UserInfo {
  name: string;
  groups: string[];
}

export interface AuthzAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** A SelfSubjectRulesReview's status: what the user may do in a namespace, as the authorizer lists it. */
export interface SubjectRules {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  /** The authorizer could not list everything it may allow: a rule missing here may still be allowed. */
  incomplete: boolean;
  evaluationError?: string;
}

/** kube-apiserver's AlwaysAllow authorizer's rules (authorizerfactory/builtin.go RulesFor). */
export const ALLOW_ALL_RULES: SubjectRules = {
  resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
  nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
  incomplete: false,
};

export interface AuthHooks {
  authenticate(headers: import('node:http').IncomingHttpHeaders): { user: UserInfo } | { status: V1Status };
  authorize(user: UserInfo, attrs: AuthzAttributes): { allowed: boolean; reason: string };
  /** The rules of a SelfSubjectRulesReview for `namespace`, as the authorizer's RulesFor lists them. */
  rulesFor(user: UserInfo, namespace: string): SubjectRules;
  forbidden(user: UserInfo, attrs: AuthzAttributes): V1Status;
  describe(): string;
}

export const ADMIN: UserInfo = { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] };

/** The default when no auth module is present: every request is admin. */
export const allowAll: AuthHooks = {
  authenticate: () => ({ user: ADMIN }),
  authorize: () => ({ allowed: true, reason: '' }),
  rulesFor: () => ALLOW_ALL_RULES,
  forbidden: (user, a) => ({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    reason: 'Forbidden',
    code: 403,
    message: `${a.group ? `${a.resource}.${a.group}` : a.resource} is forbidden: User "${user.name}" cannot ${a.verb} resource "${a.resource}" in API group "${a.group}"`,
  }),
  describe: () => 'no users file: every request is admin',
};
