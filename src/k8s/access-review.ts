import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { k8sRequest } from './client';
import { k8sKeys, type AccessReviewAttributes } from './query-keys';
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

/** Cached per attribute tuple for 5 minutes, like the OpenShift console. */
export function useAccessReview(attrs: AccessReviewAttributes, options: { enabled?: boolean } = {}): AccessReviewState {
  const q = useQuery({
    queryKey: k8sKeys.accessReview(attrs),
    queryFn: ({ signal }) => checkAccess(attrs, signal),
    staleTime: 5 * 60_000,
    gcTime: 10 * 60_000,
    enabled: options.enabled ?? true,
  });
  return {
    allowed: q.data?.allowed ?? false,
    reason: q.data?.reason,
    isLoading: q.isLoading,
    error: q.error,
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
 * One SelfSubjectAccessReview per action and namespace (under the same query keys, and cache, as
 * useAccessReview): what the current user may do in each namespace, as `{[action]: verdict}`.
 */
export function useAccessByNamespace<Id extends string>(
  ids: readonly Id[],
  reviews: Record<Id, Omit<AccessReviewAttributes, 'namespace'>>,
  namespaces: readonly string[],
  enabled = true,
): Map<string, Record<Id, AccessVerdict>> {
  const attrs = useMemo(
    () => namespaces.flatMap((namespace) => ids.map((id) => ({ ...reviews[id], namespace }))),
    [namespaces, ids, reviews],
  );
  const combine = useCallback(
    (results: UseQueryResult<AccessReviewResult>[]) => {
      const map = new Map<string, Record<Id, AccessVerdict>>();
      namespaces.forEach((namespace, n) => {
        const access = {} as Record<Id, AccessVerdict>;
        ids.forEach((id, i) => {
          access[id] = verdictOf(results[n * ids.length + i]);
        });
        map.set(namespace, access);
      });
      return map;
    },
    [namespaces, ids],
  );
  return useQueries({
    queries: attrs.map((a) => ({
      queryKey: k8sKeys.accessReview(a),
      queryFn: ({ signal }: { signal: AbortSignal }) => checkAccess(a, signal),
      staleTime: 5 * 60_000,
      gcTime: 10 * 60_000,
      enabled,
    })),
    combine,
  });
}
