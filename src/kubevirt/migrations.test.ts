import { describe, expect, it } from 'vitest';
import {
  cancelDisabledReason,
  describeMigrationConfiguration,
  durationSeconds,
  formatDuration,
  migrationProgress,
  migrationStateOf,
  migrationTimes,
  type VMIM,
} from './migrations';
import type { VMI } from './vmi-selectors';

const vmim = (phase: string | undefined, extra: Partial<VMIM['status']> = {}): VMIM => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstanceMigration',
  metadata: { name: 'm1', namespace: 'demo', uid: 'u1', creationTimestamp: '2026-12-03T10:00:00Z' },
  spec: { vmiName: 'fedora' },
  status: { phase, ...extra },
});

describe('migrations', () => {
  it("takes the VMI's migration state only when it is this migration's", () => {
    const vmi = { status: { migrationState: { migrationUid: 'u1', sourceNode: 'node01' } } } as VMI;
    const other = { status: { migrationState: { migrationUid: 'u0', sourceNode: 'node02' } } } as VMI;
    expect(migrationStateOf(vmim('Running'), vmi)?.sourceNode).toBe('node01');
    expect(migrationStateOf(vmim('Running'), other)).toBeUndefined();
    expect(migrationStateOf(vmim('Running', { migrationState: { sourceNode: 'n3' } }), other)?.sourceNode).toBe('n3');
  });

  it('measures from creation to the final phase, or to now while running', () => {
    const done = vmim('Succeeded', {
      phaseTransitionTimestamps: [
        { phase: 'Running', phaseTransitionTimestamp: '2026-12-03T10:00:05Z' },
        { phase: 'Succeeded', phaseTransitionTimestamp: '2026-12-03T10:01:10Z' },
      ],
    });
    const t = migrationTimes(done, undefined);
    expect(durationSeconds(t.start, t.end)).toBe(70);
    const running = migrationTimes(vmim('Running'), undefined);
    expect(running.end).toBeUndefined();
    expect(durationSeconds(running.start, running.end, Date.parse('2026-12-03T10:00:09Z'))).toBe(9);
    expect(durationSeconds('garbage', undefined)).toBeUndefined();
    expect(formatDuration(9)).toBe('9s');
    expect(formatDuration(65)).toBe('1m 5s');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(undefined)).toBe('-');
  });

  it('computes progress from data processed and remaining', () => {
    expect(migrationProgress(vmim('Running'), { processed: 3, remaining: 1 })?.percent).toBe(75);
    expect(migrationProgress(vmim('Running'), { processed: 0, remaining: 0 })).toBeUndefined();
    expect(migrationProgress(vmim('Running'), { processed: -1, remaining: 5 })).toBeUndefined();
    expect(migrationProgress(vmim('Running'), undefined)).toBeUndefined();
    expect(migrationProgress(vmim('Succeeded'), undefined)?.percent).toBe(100);
  });

  it("describes a policy's settings", () => {
    expect(
      describeMigrationConfiguration({
        allowAutoConverge: true,
        allowPostCopy: false,
        bandwidthPerMigration: '64Mi' as never,
        completionTimeoutPerGiB: 150,
      }),
    ).toEqual(['auto-converge', 'bandwidth 64Mi/s', 'completion timeout 150 s/GiB']);
    expect(describeMigrationConfiguration({ bandwidthPerMigration: '0Mi' as never })).toEqual([]);
    expect(describeMigrationConfiguration(undefined)).toEqual([]);
  });

  it('cancels only a migration that is still going, with the right to delete it', () => {
    expect(cancelDisabledReason(vmim('Running'), true)).toBeUndefined();
    expect(cancelDisabledReason(vmim(undefined), true)).toBeUndefined();
    expect(cancelDisabledReason(vmim('Succeeded'), true)).toBe('The migration has succeeded');
    expect(cancelDisabledReason(vmim('Failed'), true)).toBe('The migration has failed');
    expect(cancelDisabledReason(vmim('Running'), false)).toMatch(/not allowed/);
    expect(cancelDisabledReason(vmim('Running'), undefined)).toMatch(/permissions/);
  });
});
