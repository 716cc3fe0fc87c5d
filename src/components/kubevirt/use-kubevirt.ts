import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { KubeVirtModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { selectKubeVirt } from '../../lib/kubevirt-config';

export interface KubeVirtResult {
  /** The installed KubeVirt CR; undefined while loading, on error, or when there is none. */
  kubevirt: V1KubeVirt | undefined;
  error: Error | null;
  isLoading: boolean;
}

/** The installed KubeVirt CR, live (one shared watch of KubeVirts in every namespace). */
export function useKubeVirt(): KubeVirtResult {
  const { data, error, isLoading } = useK8sList(KubeVirtModel);
  return { kubevirt: selectKubeVirt(data), error, isLoading };
}
