/**
 * What the current user may do in a namespace, from one SelfSubjectRulesReview instead of one
 * SelfSubjectAccessReview per question. The rules are evaluated here as kube-apiserver's RBAC
 * evaluates a rule (pkg/apis/rbac/v1/evaluation_helpers.go: VerbMatches, APIGroupMatches,
 * ResourceMatches with `*` and `*\/subresource`, ResourceNameMatches). The review's rules list
 * what is allowed; when they are complete, what they do not allow is denied (with no reason, as
 * RBAC denies); when the server says they are incomplete (another authorizer, a webhook, may
 * allow more), a question they do not allow is asked with a SelfSubjectAccessReview.
 */
import { k8sRequest } from './client';
import type { AccessReviewAttributes } from './query-keys';
import { API_PREFIX } from './urls';

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface RulesReviewStatus {
  resourceRules?: ResourceRule[] | null;
  incomplete?: boolean;
  evaluationError?: string;
}

export const SELF_SUBJECT_RULES_REVIEW_URL = `${API_PREFIX}/apis/authorization.k8s.io/v1/selfsubjectrulesreviews`;

/** Asks the API server for the current user's rules in a namespace. */
export async function fetchRulesReview(namespace: string, signal?: AbortSignal): Promise<RulesReviewStatus> {
  const res = await k8sRequest<{ status?: RulesReviewStatus }>(SELF_SUBJECT_RULES_REVIEW_URL, {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
    signal,
  });
  return res?.status ?? { incomplete: true };
}

const has = (list: readonly string[] | undefined, v: string) => !!list && list.includes(v);

/** RBAC's RuleAllows for a resource request. */
export function ruleAllows(rule: ResourceRule, a: AccessReviewAttributes): boolean {
  if (!has(rule.verbs, '*') && !has(rule.verbs, a.verb)) return false;
  const group = a.group ?? '';
  if (!has(rule.apiGroups, '*') && !has(rule.apiGroups, group)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resource = (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (!!a.subresource && r === `*/${a.subresource}`),
  );
  if (!resource) return false;
  if (!rule.resourceNames?.length) return true;
  return !!a.name && rule.resourceNames.includes(a.name);
}

/**
 * The rules' answer to one question: true (a rule allows it), false (complete rules that do not
 * allow it), or undefined (incomplete rules that do not allow it: ask a SelfSubjectAccessReview).
 */
export function rulesVerdict(status: RulesReviewStatus, a: AccessReviewAttributes): boolean | undefined {
  if ((status.resourceRules ?? []).some((r) => ruleAllows(r, a))) return true;
  return status.incomplete || status.evaluationError ? undefined : false;
}
