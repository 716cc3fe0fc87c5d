import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';

/** Writes a pod's status through /status (the main endpoint keeps the old status). */
export function editPodStatus(
  client: ClusterClient,
  namespace: string | undefined,
  name: string,
  fn: (pod: KObject) => void | false,
): KObject {
  return client.mutate(ResourceKey.pods, namespace, name, fn, { subresource: 'status' });
}
