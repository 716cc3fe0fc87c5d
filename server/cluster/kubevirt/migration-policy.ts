/**
 * MigrationPolicies (migrations.kubevirt.io/v1alpha1) as virt-controller applies them when a
 * migration starts (pkg/util/migrations/policy.go, MatchPolicy, and the migration controller's
 * handoff to the target pod): the policy whose selectors (namespace labels, VMI labels, all must
 * match) match the most labels wins, the lexically smaller name on a tie; its settings override the
 * cluster's migration configuration in the VMI's migrationState.
 */
import type { KObject } from '../runtime/client.js';

export const MIGRATION_POLICIES = 'migrationpolicies.migrations.kubevirt.io';

/** KubeVirt's default migration configuration (virtconfig defaults). */
export const DEFAULT_MIGRATION_CONFIGURATION = {
  allowAutoConverge: false,
  allowPostCopy: false,
  allowWorkloadDisruption: false,
  bandwidthPerMigration: '0Mi',
  completionTimeoutPerGiB: 150,
  nodeDrainTaintKey: 'kubevirt.io/drain',
  parallelMigrationsPerCluster: 5,
  parallelOutboundMigrationsPerNode: 2,
  progressTimeout: 150,
  unsafeMigrationOverride: false,
};

interface PolicySpec {
  selectors?: {
    namespaceSelector?: Record<string, string>;
    virtualMachineInstanceSelector?: Record<string, string>;
  };
  allowAutoConverge?: boolean;
  allowPostCopy?: boolean;
  allowWorkloadDisruption?: boolean;
  bandwidthPerMigration?: string | number;
  completionTimeoutPerGiB?: number;
}

function countMatching(selector: Record<string, string> | undefined, labels: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(selector ?? {})) {
    if (labels[k] !== v) return -1;
    n++;
  }
  return n;
}

export function matchPolicy(
  policies: KObject[],
  vmiLabels: Record<string, string>,
  namespaceLabels: Record<string, string>,
): KObject | undefined {
  let best: KObject | undefined;
  let bestCount = 0;
  for (const p of policies) {
    const sel = (p.spec as PolicySpec | undefined)?.selectors;
    const a = countMatching(sel?.namespaceSelector, namespaceLabels);
    const b = countMatching(sel?.virtualMachineInstanceSelector, vmiLabels);
    if (a < 0 || b < 0) continue;
    const count = a + b;
    if (count > bestCount || (best && count === bestCount && String(p.metadata.name) < String(best.metadata.name))) {
      best = p;
      bestCount = count;
    }
  }
  return best;
}

/** The migrationState fields a migration gets from the cluster configuration and the matching policy. */
export function migrationPolicyState(
  policies: KObject[],
  vmiLabels: Record<string, string>,
  namespaceLabels: Record<string, string>,
): { migrationPolicyName?: string; migrationConfiguration: Record<string, unknown> } {
  const policy = matchPolicy(policies, vmiLabels, namespaceLabels);
  const config: Record<string, unknown> = { ...DEFAULT_MIGRATION_CONFIGURATION };
  if (!policy) return { migrationConfiguration: config };
  const spec = (policy.spec ?? {}) as PolicySpec;
  for (const k of [
    'allowAutoConverge',
    'allowPostCopy',
    'allowWorkloadDisruption',
    'bandwidthPerMigration',
    'completionTimeoutPerGiB',
  ] as const) {
    if (spec[k] !== undefined) config[k] = spec[k];
  }
  return { migrationPolicyName: policy.metadata.name, migrationConfiguration: config };
}
