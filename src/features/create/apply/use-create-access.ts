import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { checkAccess } from '../../../k8s/access-review';
import { k8sKeys } from '../../../k8s/query-keys';
import { createReview, createDeniedReason, type CreateTarget, type TargetVerdict } from './create-access';
import type { CreateDeps } from './create-objects';

/**
 * Whether the user may create each target (kind and namespace), asked as the OpenShift console
 * asks: discovery for the kind's resource, then a SelfSubjectAccessReview. Cached five minutes.
 * Returns why Create cannot work, or undefined.
 */
export function useCreateAccess(
  targets: readonly CreateTarget[],
  deps: Pick<CreateDeps, 'resolve'>,
): string | undefined {
  const combine = useCallback(
    (results: Array<{ data?: Omit<TargetVerdict, 'target'> }>) =>
      createDeniedReason(results.map((r, i) => ({ target: targets[i], ...r.data }))),
    [targets],
  );
  return useQueries({
    queries: targets.map((t) => ({
      queryKey: k8sKeys.createAccess(t.apiVersion, t.kind, t.namespace),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Omit<TargetVerdict, 'target'>> => {
        let model;
        try {
          model = await deps.resolve(t.apiVersion, t.kind);
        } catch {
          // An unknown kind: Create reports the server's (or discovery's) answer for it.
          return { allowed: true };
        }
        const r = await checkAccess(createReview(model, t), signal);
        return { allowed: r.allowed, reason: r.reason, namespaced: model.namespaced };
      },
      staleTime: 5 * 60_000,
      gcTime: 10 * 60_000,
    })),
    combine,
  });
}
