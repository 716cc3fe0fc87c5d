import { describe, expect, it } from 'vitest';
import {
  PRINTABLE_STATUSES,
  STATUS_DISPLAY_ORDER,
  isErrorStatus,
  isPrintableStatus,
  printableStatusFacts,
} from './printable-status';

describe('printableStatus mapping', () => {
  it('covers every KubeVirt printableStatus', () => {
    expect([...PRINTABLE_STATUSES].sort()).toEqual(
      [
        'Running',
        'Stopped',
        'Starting',
        'Stopping',
        'Terminating',
        'Migrating',
        'Paused',
        'Provisioning',
        'WaitingForVolumeBinding',
        'ErrorUnschedulable',
        'ErrImagePull',
        'ImagePullBackOff',
        'ErrorPvcNotFound',
        'DataVolumeError',
        'CrashLoopBackOff',
        'WaitingForReceiver',
        'Unknown',
      ].sort(),
    );
    expect([...STATUS_DISPLAY_ORDER].sort()).toEqual([...PRINTABLE_STATUSES].sort());
  });

  it('gives each status its name as label and a description', () => {
    for (const s of PRINTABLE_STATUSES) {
      expect(printableStatusFacts(s).label).toBe(s);
      expect(printableStatusFacts(s).description.length).toBeGreaterThan(10);
    }
  });

  it('marks exactly the failure states as errors', () => {
    const errors = PRINTABLE_STATUSES.filter(isErrorStatus);
    expect(errors.sort()).toEqual(
      [
        'CrashLoopBackOff',
        'DataVolumeError',
        'ErrImagePull',
        'ErrorPvcNotFound',
        'ErrorUnschedulable',
        'ImagePullBackOff',
      ].sort(),
    );
    expect(printableStatusFacts('Running').severity).toBe('success');
    expect(printableStatusFacts('Paused').severity).toBe('warning');
    expect(printableStatusFacts('Starting').transient).toBe(true);
    expect(printableStatusFacts('Stopped').transient).toBe(false);
  });

  it('recognises known statuses only', () => {
    expect(isPrintableStatus('Running')).toBe(true);
    expect(isPrintableStatus('running')).toBe(false);
    expect(isPrintableStatus('')).toBe(false);
  });
});
