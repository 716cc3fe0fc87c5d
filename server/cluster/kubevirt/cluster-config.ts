/**
 * What virt-api and virt-controller read from the KubeVirt CR's spec.configuration
 * (pkg/virt-config): feature gates, the VM rollout strategy and the live-update limits.
 */
import { ResourceKey, type ClusterClient } from '../runtime/client.js';

interface KubeVirtConfiguration {
  developerConfiguration?: { featureGates?: string[] };
  vmRolloutStrategy?: string;
  liveUpdateConfiguration?: { maxCpuSockets?: number; maxGuest?: string; maxHotplugRatio?: number };
}

/** virt-config's DefaultMaxHotplugRatio. */
export const DEFAULT_MAX_HOTPLUG_RATIO = 4;

export function kubevirtConfiguration(client: Pick<ClusterClient, 'tryGet'>): KubeVirtConfiguration {
  const kv = client.tryGet(ResourceKey.kubevirts, 'kubevirt', 'kubevirt');
  return ((kv?.spec as { configuration?: KubeVirtConfiguration } | undefined)?.configuration ??
    {}) as KubeVirtConfiguration;
}

export function featureGateEnabled(client: Pick<ClusterClient, 'tryGet'>, gate: string): boolean {
  return (kubevirtConfiguration(client).developerConfiguration?.featureGates ?? []).includes(gate);
}

/** IsVMRolloutStrategyLiveUpdate: LiveUpdate unless the CR says Stage (LiveUpdate is the default since 1.5). */
export function liveUpdateRollout(client: Pick<ClusterClient, 'tryGet'>): boolean {
  return (kubevirtConfiguration(client).vmRolloutStrategy ?? 'LiveUpdate') === 'LiveUpdate';
}

export function maxHotplugRatio(client: Pick<ClusterClient, 'tryGet'>): number {
  const ratio = kubevirtConfiguration(client).liveUpdateConfiguration?.maxHotplugRatio;
  return typeof ratio === 'number' && ratio > 0 ? ratio : DEFAULT_MAX_HOTPLUG_RATIO;
}
