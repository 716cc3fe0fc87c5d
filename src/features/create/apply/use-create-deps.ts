import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { API_PREFIX } from '../../../k8s/urls';
import { k8sCreate, k8sRequest } from '../../../k8s/client';
import { k8sKeys } from '../../../k8s/query-keys';
import type { CreateDeps } from './create-objects';
import { discoveryPath, resolveKind, type ApiResourceList } from './discovery';

/** Discovery documents change rarely: kept for five minutes in the react-query cache. */
const DISCOVERY_STALE_MS = 5 * 60_000;

/** The real dependencies of createInOrder: discovery through the react-query cache, and k8sCreate. */
export function useCreateDeps(): CreateDeps {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      resolve: (apiVersion, kind) =>
        resolveKind(
          (gv) =>
            queryClient.fetchQuery({
              queryKey: k8sKeys.groupVersionResources(gv),
              queryFn: ({ signal }) =>
                k8sRequest<ApiResourceList>(`${API_PREFIX}${discoveryPath(gv)}`, { method: 'GET', signal }),
              staleTime: DISCOVERY_STALE_MS,
            }),
          apiVersion,
          kind,
        ),
      create: (model, obj, o) => k8sCreate(model, obj, { namespace: o.namespace, dryRun: o.dryRun }),
    }),
    [queryClient],
  );
}
