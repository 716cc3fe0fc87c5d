/**
 * A VMI's eviction strategy as KubeVirt resolves it (pkg/util/migrations VMIEvictionStrategy,
 * VMIMigratableOnEviction): the VMI's own, else the cluster's (KubeVirt CR
 * spec.configuration.evictionStrategy), else none.
 */
import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';
import { getCondition } from '../../kubevirt/conditions.js';
import type { VMI } from '../../kubevirt/types.js';

export const CREATED_BY = 'kubevirt.io/created-by';
export const MIGRATION_NAME_LABEL = 'kubevirt.io/migrationName';
export const EVACUATION_ANNOTATION = 'kubevirt.io/evacuationMigration';

export function evictionStrategy(client: Pick<ClusterClient, 'tryGet'>, vmi: KObject): string | undefined {
  const own = (vmi.spec as { evictionStrategy?: string } | undefined)?.evictionStrategy;
  if (own) return own;
  const kv = client.tryGet(ResourceKey.kubevirts, 'kubevirt', 'kubevirt');
  return (kv?.spec as { configuration?: { evictionStrategy?: string } } | undefined)?.configuration?.evictionStrategy;
}

export function isMigratable(vmi: KObject): boolean {
  return getCondition(vmi as VMI, 'LiveMigratable')?.status === 'True';
}

/** Whether a drain should migrate this VMI (and virt-controller keep a PodDisruptionBudget for it). */
export function migratableOnEviction(client: Pick<ClusterClient, 'tryGet'>, vmi: KObject): boolean {
  const s = evictionStrategy(client, vmi);
  if (s === 'LiveMigrate' || s === 'External') return true;
  return s === 'LiveMigrateIfPossible' && isMigratable(vmi);
}

export function evacuationNodeName(vmi: KObject): string | undefined {
  return (vmi.status as { evacuationNodeName?: string } | undefined)?.evacuationNodeName || undefined;
}
