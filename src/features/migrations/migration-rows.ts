import { nameOf, namespaceOf } from '../../k8s/meta';
import type { InstantSample } from '../../k8s/prometheus';
import {
  describeMigrationConfiguration,
  durationSeconds,
  migrationIsFinal,
  migrationPhase,
  migrationProgress,
  migrationStateOf,
  migrationTimes,
  type MigrationData,
  type MigrationProgress,
  type VMIM,
} from '../../kubevirt/migrations';
import type { VMI } from '../../kubevirt/vmi-selectors';

export interface MigrationRow {
  key: string;
  migration: VMIM;
  namespace: string;
  name: string;
  vmiName: string;
  phase: string;
  final: boolean;
  sourceNode?: string;
  targetNode?: string;
  progress?: MigrationProgress;
  start?: string;
  end?: string;
  policyName?: string;
  policySettings: string[];
}

const key = (namespace: string, name: string) => `${namespace}/${name}`;

/** processed / remaining bytes by "namespace/vmi", from the two instant queries' samples. */
export function migrationDataByVmi(processed: InstantSample[] = [], remaining: InstantSample[] = []) {
  const out = new Map<string, MigrationData>();
  for (const s of processed) {
    if (!s.metric.namespace || !s.metric.name) continue;
    out.set(key(s.metric.namespace, s.metric.name), { processed: s.value, remaining: Number.NaN });
  }
  for (const s of remaining) {
    const d = out.get(key(s.metric.namespace ?? '', s.metric.name ?? ''));
    if (d) d.remaining = s.value;
  }
  return out;
}

/** One row per migration, newest first. */
export function migrationRows(migrations: VMIM[], vmis: VMI[], data: Map<string, MigrationData>): MigrationRow[] {
  const vmiByKey = new Map(vmis.map((v) => [key(namespaceOf(v), nameOf(v)), v]));
  return migrations
    .map((m) => {
      const namespace = namespaceOf(m);
      const vmiName = m.spec?.vmiName ?? '';
      const vmi = vmiByKey.get(key(namespace, vmiName));
      const state = migrationStateOf(m, vmi);
      const final = migrationIsFinal(m);
      const { start, end } = migrationTimes(m, state);
      return {
        key: key(namespace, nameOf(m)),
        migration: m,
        namespace,
        name: nameOf(m),
        vmiName,
        phase: migrationPhase(m),
        final,
        sourceNode: state?.sourceNode,
        targetNode: state?.targetNode ?? m.status?.migrationState?.targetNode,
        progress: migrationProgress(m, final ? undefined : data.get(key(namespace, vmiName))),
        start,
        end,
        policyName: state?.migrationPolicyName,
        policySettings: describeMigrationConfiguration(state?.migrationConfiguration),
      };
    })
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '') || a.key.localeCompare(b.key));
}

export const rowDuration = (r: MigrationRow, now = Date.now()) => durationSeconds(r.start, r.end, now);
