import { describe, expect, it } from 'vitest';
import { fileSystemUsage, guestKernel, guestOsName, guestTimezone, listItems, loginTimestamp } from './guest-agent';

describe('guest agent info', () => {
  it('names the OS by its pretty name, else name and version', () => {
    expect(guestOsName({ os: { prettyName: 'Fedora Linux 40 (Cloud Edition)', name: 'Fedora Linux' } })).toBe(
      'Fedora Linux 40 (Cloud Edition)',
    );
    expect(guestOsName({ os: { name: 'CentOS Stream', version: '9' } })).toBe('CentOS Stream 9');
    expect(guestOsName({ os: { name: 'CirrOS', versionId: '0.6.2' } })).toBe('CirrOS 0.6.2');
    expect(guestOsName({ os: {} })).toBeUndefined();
    expect(guestOsName(undefined)).toBeUndefined();
  });

  it('shows the kernel release with its build', () => {
    expect(guestKernel({ os: { kernelRelease: '6.8.5', kernelVersion: '#1 SMP' } })).toBe('6.8.5 (#1 SMP)');
    expect(guestKernel({ os: { kernelRelease: '6.8.5' } })).toBe('6.8.5');
    expect(guestKernel({})).toBeUndefined();
  });

  it("reads KubeVirt's time zone: name and offset in seconds", () => {
    expect(guestTimezone({ timezone: 'UTC, 0' })).toBe('UTC (UTC+00:00)');
    expect(guestTimezone({ timezone: 'CET, 3600' })).toBe('CET (UTC+01:00)');
    expect(guestTimezone({ timezone: 'IST, 19800' })).toBe('IST (UTC+05:30)');
    expect(guestTimezone({ timezone: 'EST, -18000' })).toBe('EST (UTC-05:00)');
    expect(guestTimezone({ timezone: 'Europe/Paris' })).toBe('Europe/Paris');
    expect(guestTimezone({ timezone: 42 as unknown as string })).toBeUndefined();
  });

  it('turns a login time in seconds into a timestamp', () => {
    expect(loginTimestamp({ userName: 'fedora', loginTime: 1_700_000_000.5 })).toBe('2023-11-14T22:13:20.500Z');
    expect(loginTimestamp({ userName: 'fedora' })).toBeUndefined();
    expect(loginTimestamp({ userName: 'fedora', loginTime: Number.NaN })).toBeUndefined();
    expect(loginTimestamp({ userName: 'fedora', loginTime: 1e300 })).toBeUndefined();
  });

  it("computes a file system's usage, refusing unknown sizes", () => {
    const fs = { diskName: 'vda1', mountPoint: '/', fileSystemType: 'xfs' };
    expect(fileSystemUsage({ ...fs, usedBytes: 1, totalBytes: 4 })).toBe(25);
    expect(fileSystemUsage({ ...fs, usedBytes: 9, totalBytes: 4 })).toBe(100);
    expect(fileSystemUsage({ ...fs, usedBytes: 1, totalBytes: 0 })).toBeUndefined();
    expect(fileSystemUsage({ ...fs, usedBytes: -1, totalBytes: 4 })).toBeUndefined();
  });

  it('keeps only the objects of a list answer', () => {
    expect(listItems({ items: [{ userName: 'a' }, null, 'x', { userName: 'b' }] })).toEqual([
      { userName: 'a' },
      { userName: 'b' },
    ]);
    expect(listItems({ items: 'nope' })).toEqual([]);
    expect(listItems(undefined)).toEqual([]);
  });
});
