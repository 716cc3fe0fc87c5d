import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { checkAccess, type AccessReviewAttributes, type AccessReviewResult } from '../../../k8s/access-review';
import { KUBEVIRT_SUBRESOURCE_GROUP } from '../../../k8s/models';
import { k8sKeys } from '../../../k8s/query-keys';
import { VM_ACTION_IDS, type AccessVerdict, type VmAccess, type VmActionId } from './vm-action-rules';

const sub = (resource: string, subresource: string): Omit<AccessReviewAttributes, 'namespace'> => ({
  group: KUBEVIRT_SUBRESOURCE_GROUP,
  resource,
  subresource,
  verb: 'update',
});

/** The SelfSubjectAccessReview each action needs (as the OpenShift plugin asks them). */
export const VM_ACTION_ACCESS: Record<VmActionId, Omit<AccessReviewAttributes, 'namespace'>> = {
  start: sub('virtualmachines', 'start'),
  stop: sub('virtualmachines', 'stop'),
  restart: sub('virtualmachines', 'restart'),
  migrate: sub('virtualmachines', 'migrate'),
  pause: sub('virtualmachineinstances', 'pause'),
  unpause: sub('virtualmachineinstances', 'unpause'),
  delete: { group: 'kubevirt.io', resource: 'virtualmachines', verb: 'delete' },
};

function verdictOf(r: UseQueryResult<AccessReviewResult>): AccessVerdict {
  if (r.error) return { allowed: false, reason: `cannot check permissions: ${r.error.message}` };
  return { allowed: r.data?.allowed ?? false, loading: r.isPending, reason: r.data?.reason };
}

/**
 * What the current user may do to VMs in each namespace: one SelfSubjectAccessReview per action
 * and namespace, under the same query keys (and cache) as useAccessReview.
 */
export function useVmAccessByNamespace(namespaces: readonly string[], enabled = true): Map<string, VmAccess> {
  const attrs = useMemo(
    () => namespaces.flatMap((namespace) => VM_ACTION_IDS.map((id) => ({ ...VM_ACTION_ACCESS[id], namespace }))),
    [namespaces],
  );
  const combine = useCallback(
    (results: UseQueryResult<AccessReviewResult>[]) => {
      const map = new Map<string, VmAccess>();
      namespaces.forEach((namespace, n) => {
        const access = {} as VmAccess;
        VM_ACTION_IDS.forEach((id, i) => {
          access[id] = verdictOf(results[n * VM_ACTION_IDS.length + i]);
        });
        map.set(namespace, access);
      });
      return map;
    },
    [namespaces],
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

/** What the current user may do to VMs in one namespace. */
export function useVmAccess(namespace: string, enabled = true): VmAccess {
  const namespaces = useMemo(() => [namespace], [namespace]);
  return useVmAccessByNamespace(namespaces, enabled).get(namespace) as VmAccess;
}
