/**
 * VirtualMachineInstanceMigrations read for the migrations list: phase, nodes, progress, duration and
 * the migration policy that applies. Pure functions; no React.
 */
import type {
  V1MigrationConfiguration,
  V1VirtualMachineInstanceMigration,
  V1VirtualMachineInstanceMigrationState,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VMI } from './vmi-selectors';

export type VMIM = V1VirtualMachineInstanceMigration;

/** Phases after which nothing happens any more (KubeVirt's VirtualMachineInstanceMigrationPhase). */
export const FINAL_MIGRATION_PHASES = ['Succeeded', 'Failed'] as const;

/** The migration's phase; an empty phase is Pending, as KubeVirt's printer column shows it. */
export const migrationPhase = (m: VMIM): string => m.status?.phase || 'Pending';

export const migrationIsFinal = (m: VMIM): boolean =>
  (FINAL_MIGRATION_PHASES as readonly string[]).includes(migrationPhase(m));

/** Data moved so far and still to move, from virt-handler's migration metrics. */
export interface MigrationData {
  processed: number;
  remaining: number;
}

export interface MigrationProgress {
  /** 0–100. */
  percent: number;
  /** "1.2 GiB of 2 GiB" style when data figures are known. */
  data?: MigrationData;
}

/**
 * The VMI's migrationState when it is this migration's (status.migrationState of the VMIM when it has
 * one, as newer KubeVirt releases write it; else the VMI's, matched by migrationUid).
 */
export function migrationStateOf(m: VMIM, vmi: VMI | undefined): V1VirtualMachineInstanceMigrationState | undefined {
  if (m.status?.migrationState) return m.status.migrationState;
  const s = vmi?.status?.migrationState;
  return s && s.migrationUid && s.migrationUid === m.metadata?.uid ? s : undefined;
}

/** When the migration started and (when done) ended: its creation, its final phase or the state's end. */
export function migrationTimes(m: VMIM, state: V1VirtualMachineInstanceMigrationState | undefined) {
  const transitions = (m.status?.phaseTransitionTimestamps ?? []).filter((t) => t.phase && t.phaseTransitionTimestamp);
  const start = m.metadata?.creationTimestamp ?? transitions[0]?.phaseTransitionTimestamp;
  let end: string | undefined;
  if (migrationIsFinal(m)) {
    end = transitions.find((t) => t.phase === migrationPhase(m))?.phaseTransitionTimestamp ?? state?.endTimestamp;
  }
  return { start, end };
}

/** Whole seconds between two timestamps (end: now while running); undefined when unreadable. */
export function durationSeconds(start: string | undefined, end: string | undefined, now = Date.now()) {
  if (!start) return undefined;
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  return Math.max(0, Math.round((to - from) / 1000));
}

/** 65 → "1m 5s", 3725 → "1h 2m", 9 → "9s". */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '-';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m ${s}s`;
  return `${s}s`;
}

/**
 * How far the migration is: from the data figures when they are known (processed / (processed +
 * remaining)), else 100 once it succeeded, else undefined.
 */
export function migrationProgress(m: VMIM, data: MigrationData | undefined): MigrationProgress | undefined {
  if (migrationPhase(m) === 'Succeeded') return { percent: 100, data };
  if (data && Number.isFinite(data.processed) && Number.isFinite(data.remaining)) {
    const total = data.processed + data.remaining;
    if (total > 0 && data.processed >= 0 && data.remaining >= 0)
      return { percent: Math.min(100, (data.processed / total) * 100), data };
  }
  return undefined;
}

/** The settings a migration runs with, in words: "auto-converge, post-copy, 64Mi/s, 150 s/GiB". */
export function describeMigrationConfiguration(c: V1MigrationConfiguration | undefined): string[] {
  if (!c) return [];
  const out: string[] = [];
  if (c.allowAutoConverge) out.push('auto-converge');
  if (c.allowPostCopy) out.push('post-copy');
  if (c.allowWorkloadDisruption) out.push('workload disruption allowed');
  const bw = c.bandwidthPerMigration as unknown;
  if ((typeof bw === 'string' || typeof bw === 'number') && !/^0[A-Za-z]*$/.test(String(bw)))
    out.push(`bandwidth ${String(bw)}/s`);
  if (typeof c.completionTimeoutPerGiB === 'number') out.push(`completion timeout ${c.completionTimeoutPerGiB} s/GiB`);
  return out;
}

/** What the Cancel action says when it cannot be used (undefined: it can). */
export function cancelDisabledReason(m: VMIM, allowed: boolean | undefined): string | undefined {
  if (migrationIsFinal(m)) return `The migration has ${migrationPhase(m) === 'Succeeded' ? 'succeeded' : 'failed'}`;
  if (m.metadata?.deletionTimestamp) return 'The migration is being cancelled';
  if (allowed === undefined) return 'Checking your permissions';
  if (!allowed) return 'You are not allowed to delete VirtualMachineInstanceMigrations in this namespace';
  return undefined;
}
