import { describe, expect, it } from 'vitest';
import { PRINTABLE_STATUSES, isPrintableStatus } from './printable-status';
import { STATUS_DISPLAY_ORDER, isErrorStatus, statusInfo } from './status-map';

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

  it('gives each status its own icon, its name as label and a description', () => {
    const icons = new Set(PRINTABLE_STATUSES.map((s) => statusInfo(s).icon));
    expect(icons.size).toBe(PRINTABLE_STATUSES.length);
    for (const s of PRINTABLE_STATUSES) {
      expect(statusInfo(s).label).toBe(s);
      expect(statusInfo(s).description.length).toBeGreaterThan(10);
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
    expect(statusInfo('Running').severity).toBe('success');
    expect(statusInfo('Paused').severity).toBe('warning');
    expect(statusInfo('Starting').transient).toBe(true);
    expect(statusInfo('Stopped').transient).toBe(false);
  });

  it('recognises known statuses only', () => {
    expect(isPrintableStatus('Running')).toBe(true);
    expect(isPrintableStatus('running')).toBe(false);
    expect(isPrintableStatus('')).toBe(false);
  });
});
