/** The status both replica controllers (VMI replica sets, VM pools) keep: replicas, readyReplicas, labelSelector. */
import type { ClusterClient } from '../../runtime/client.js';

export interface ReplicaStatus {
  replicas: number;
  readyReplicas: number;
  labelSelector: string;
}

/** Writes the status subresource when a field differs, keeping the status' other fields. */
export function writeReplicaStatus(
  client: ClusterClient,
  resource: string,
  ns: string | undefined,
  name: string,
  status: ReplicaStatus,
): void {
  client.mutate(
    resource,
    ns,
    name,
    (o) => {
      const old = (o.status ?? {}) as Record<string, unknown>;
      if (
        old.replicas === status.replicas &&
        old.readyReplicas === status.readyReplicas &&
        old.labelSelector === status.labelSelector
      )
        return false;
      o.status = { ...old, ...status };
    },
    { subresource: 'status' },
  );
}
