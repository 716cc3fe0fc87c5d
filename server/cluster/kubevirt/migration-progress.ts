/**
 * How long a simulated live migration copies memory, and how far along it is: pre-copy at a fixed
 * bandwidth (KubeVirt's default bandwidthPerMigration is unlimited; a pod network moves ~128 MiB/s),
 * plus the pages the guest dirties meanwhile. Guest seconds; --speed shortens them.
 */
export const MIGRATION_BANDWIDTH = 128 * 2 ** 20;
/** Pages a guest dirties per second while it migrates (idle: a few MiB/s). */
export const DIRTY_RATE = 4 * 2 ** 20;
/** Setting up the connection and the first iteration before memory moves. */
const SETUP_SECONDS = 1;

/** Guest seconds the copy takes for this much memory (at least 2: a migration can be watched). */
export function migrationSeconds(memoryBytes: number): number {
  return SETUP_SECONDS + Math.max(1, (memoryBytes * (1 + DIRTY_RATE / MIGRATION_BANDWIDTH)) / MIGRATION_BANDWIDTH);
}

export interface MigrationProgress {
  processedBytes: number;
  remainingBytes: number;
  dirtyRateBytes: number;
  transferRateBytes: number;
}

/** Where a migration of `memoryBytes` is after `elapsed` guest seconds. */
export function migrationProgress(memoryBytes: number, elapsed: number): MigrationProgress {
  const moving = Math.max(0, elapsed - SETUP_SECONDS);
  const total = memoryBytes + DIRTY_RATE * moving;
  const processed = Math.min(total, MIGRATION_BANDWIDTH * moving);
  return {
    processedBytes: Math.round(processed),
    remainingBytes: Math.round(Math.max(0, total - processed)),
    dirtyRateBytes: DIRTY_RATE,
    transferRateBytes: moving > 0 && processed < total ? MIGRATION_BANDWIDTH : 0,
  };
}
