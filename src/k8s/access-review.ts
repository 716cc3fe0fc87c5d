import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { k8sRequest } from './client';
import { k8sKeys, type AccessReviewAttributes } from './query-keys';
import { fetchRulesReview, rulesVerdict, type RulesReviewStatus } from './rules-review';
import { API_PREFIX } from './urls';

export type { AccessReviewAttributes };

export interface AccessReviewResult {
  allowed: boolean;
  reason?: string;
}

interface SelfSubjectAccessReview {
  apiVersion: 'authorization.k8s.io/v1';
  kind: 'SelfSubjectAccessReview';
  spec: { resourceAttributes: AccessReviewAttributes };
  status?: { allowed: boolean; denied?: boolean; reason?: string; evaluationError?: string };
}

export const SELF_SUBJECT_ACCESS_REVIEW_URL = `${API_PREFIX}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`;

/** Asks the API server whether the current user may do something. */
export async function checkAccess(attrs: AccessReviewAttributes, signal?: AbortSignal): Promise<AccessReviewResult> {
  const body: SelfSubjectAccessReview = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: stripEmpty(attrs) },
  };
  const res = await k8sRequest<SelfSubjectAccessReview>(SELF_SUBJECT_ACCESS_REVIEW_URL, {
    method: 'POST',
    body,
    signal,
  });
  return { allowed: Boolean(res?.status?.allowed), reason: res?.status?.reason || res?.status?.evaluationError };
}

function stripEmpty(a: AccessReviewAttributes): AccessReviewAttributes {
  const out: AccessReviewAttributes = { resource: a.resource, verb: a.verb };
  if (a.group) out.group = a.group;
  if (a.subresource) out.subresource = a.subresource;
  if (a.name) out.name = a.name;
  if (a.namespace) out.namespace = a.namespace;
  return out;
}

export interface AccessReviewState {
  /** false while loading or when the review failed: the UI disables, with `reason`. */
  allowed: boolean;
  reason?: string;
  isLoading: boolean;
  error: Error | null;
}

const STALE = 5 * 60_000;
const GC = 10 * 60_000;

/** The namespace's rules review (one per namespace, cached like the access reviews). */
const rulesQuery = (namespace: string, enabled: boolean) => ({
  queryKey: k8sKeys.rulesReview(namespace),
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchRulesReview(namespace, signal),
  staleTime: STALE,
  gcTime: GC,
  retry: false,
  enabled,
});

const reviewQuery = (a: AccessReviewAttributes, enabled: boolean) => ({
  queryKey: k8sKeys.accessReview(a),
  queryFn: ({ signal }: { signal?: AbortSignal }) => checkAccess(a, signal),
  staleTime: STALE,
  gcTime: GC,
  enabled,
});

/**
 * A namespaced question is answered by the namespace's rules review when it can be (allowed by a
 * rule, or denied by complete rules); otherwise, or when the rules review failed, by its own
 * SelfSubjectAccessReview. undefined: the rules review is still in flight.
 */
function fromRules(
  rules: UseQueryResult<RulesReviewStatus>,
  a: AccessReviewAttributes,
): AccessReviewResult | 'ask' | undefined {
  if (!a.namespace || rules.isError) return 'ask';
  if (!rules.data) return undefined;
  const verdict = rulesVerdict(rules.data, a);
  return verdict === undefined ? 'ask' : { allowed: verdict };
}

/** Cached per namespace (its rules review) and per attribute tuple for 5 minutes, like the OpenShift console. */
export function useAccessReview(attrs: AccessReviewAttributes, options: { enabled?: boolean } = {}): AccessReviewState {
  const enabled = options.enabled ?? true;
  const rules = useQuery(rulesQuery(attrs.namespace ?? '', enabled && !!attrs.namespace));
  const answer = fromRules(rules, attrs);
  const q = useQuery(reviewQuery(attrs, enabled && answer === 'ask'));
  const result = answer === 'ask' ? q.data : answer;
  return {
    allowed: result?.allowed ?? false,
    reason: result?.reason,
    isLoading: enabled && !result && !(answer === 'ask' && q.error),
    error: answer === 'ask' ? q.error : null,
  };
}

/** An access review's answer for one action, as action rules read it. */
export interface AccessVerdict {
  allowed: boolean;
  /** The review is still in flight: the action stays disabled until it answers. */
  loading?: boolean;
  /** The reviewer's reason, or why the review failed. */
  reason?: string;
}

function verdictOf(r: UseQueryResult<AccessReviewResult>): AccessVerdict {
  if (r.error) return { allowed: false, reason: `cannot check permissions: ${r.error.message}` };
  return { allowed: r.data?.allowed ?? false, loading: r.isPending, reason: r.data?.reason };
}

/**
 * What the current user may do in each namespace, as `{[action]: verdict}`: one
 * SelfSubjectRulesReview per namespace, evaluated here; a SelfSubjectAccessReview (under the same
 * query keys, and cache, as useAccessReview) only for what the rules cannot answer.
 */
export function useAccessByNamespace<Id extends string>(
  ids: readonly Id[],
  reviews: Record<Id, Omit<AccessReviewAttributes, 'namespace'>>,
  namespaces: readonly string[],
  enabled = true,
): Map<string, Record<Id, AccessVerdict>> {
  const rules = useQueries({ queries: namespaces.map((namespace) => rulesQuery(namespace, enabled && !!namespace)) });
  const attrs = useMemo(
    () => namespaces.flatMap((namespace) => ids.map((id) => ({ ...reviews[id], namespace }))),
    [namespaces, ids, reviews],
  );
  const computed = attrs.map((a, i) => fromRules(rules[Math.floor(i / ids.length)], a));
  const key = computed.map((a) => (a === 'ask' ? 'ask' : a === undefined ? '' : String(a.allowed))).join();
  // The same answers while they say the same (the rules' result objects change on every render).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const answers = useMemo(() => computed, [key]);
  const combine = useCallback(
    (asked: UseQueryResult<AccessReviewResult>[]) => {
      const map = new Map<string, Record<Id, AccessVerdict>>();
      namespaces.forEach((namespace, n) => {
        const access = {} as Record<Id, AccessVerdict>;
        ids.forEach((id, i) => {
          const k = n * ids.length + i;
          const answer = answers[k];
          if (answer === 'ask') access[id] = verdictOf(asked[k]);
          else if (answer === undefined) access[id] = { allowed: false, loading: true };
          else access[id] = { allowed: answer.allowed, loading: false };
        });
        map.set(namespace, access);
      });
      return map;
    },
    [namespaces, ids, answers],
  );
  return useQueries({
    queries: attrs.map((a, i) => reviewQuery(a, enabled && answers[i] === 'ask')),
    combine,
  });
}
