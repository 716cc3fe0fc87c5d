import { useQuery } from '@tanstack/react-query';
import { k8sRequest } from './client';
import { k8sKeys } from './query-keys';
import { API_PREFIX } from './urls';

interface ApiGroupList {
  groups?: Array<{ name: string }>;
}

export interface ServedGroups {
  /** undefined until discovery answered. */
  groups: ReadonlySet<string> | undefined;
  error: Error | null;
}

/** The API groups the cluster serves (`/apis`), discovered once per session. */
export function useServedGroups(): ServedGroups {
  const q = useQuery({
    queryKey: k8sKeys.servedGroups,
    queryFn: async ({ signal }) => {
      const list = await k8sRequest<ApiGroupList>(`${API_PREFIX}/apis`, { method: 'GET', signal });
      return new Set((list.groups ?? []).map((g) => g.name)) as ReadonlySet<string>;
    },
    staleTime: Infinity,
  });
  return { groups: q.data, error: q.error };
}

export const ROUTE_GROUP = 'route.openshift.io';
export const DISCOVERY_GROUP = 'discovery.k8s.io';
