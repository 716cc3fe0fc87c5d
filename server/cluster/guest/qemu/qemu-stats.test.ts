// A QEMU guest's counters come from /proc and QMP: read here from this test's own process (a real
// /proc entry) with a QMP answer in QEMU's shape.
import { describe, expect, it } from 'vitest';
import { cpuTimes, qemuStats } from './qemu-stats.js';

describe('qemu stats', () => {
  it('reads utime and stime after the command name, whatever it holds', () => {
    const line = '42 (CPU 0/KVM) x) S 1 1 1 0 -1 4194304 130 0 7 0 250 50 0 0 20 0 1 0 3662793 3133440 420';
    expect(cpuTimes(line)).toEqual({ user: 2.5, system: 0.5 });
    expect(cpuTimes('garbage')).toBeUndefined();
  });

  it("reports the process's CPU time and resident memory, and QMP's block statistics per disk", async () => {
    // Burn a little CPU so the counters are above zero.
    const until = Date.now() + 50;
    while (Date.now() < until);
    const blockstats = async () => [
      {
        device: '',
        qdev: 'ua-root',
        stats: {
          rd_bytes: 4096,
          wr_bytes: 8192,
          rd_operations: 1,
          wr_operations: 2,
          flush_operations: 3,
          rd_total_time_ns: 2e9,
        },
      },
      { device: '', qdev: 'ua-cloudinit', stats: { rd_bytes: 512 } },
      { device: 'sd0' },
    ];
    const stats = await qemuStats(process.pid, blockstats, 64 * 2 ** 30);
    expect(stats?.cpu.totalSeconds).toBeGreaterThan(0);
    expect(stats?.cpu.totalSeconds).toBeCloseTo((stats?.cpu.userSeconds ?? 0) + (stats?.cpu.systemSeconds ?? 0), 9);
    expect(stats?.memory?.residentBytes).toBeGreaterThan(1024 * 1024);
    expect(stats?.memory?.usableBytes).toBe(64 * 2 ** 30 - (stats?.memory?.residentBytes ?? 0));
    expect(stats?.blocks).toEqual([
      { rdBytes: 4096, wrBytes: 8192, rdReqs: 1, wrReqs: 2, rdSeconds: 2, wrSeconds: 0, flReqs: 3 },
      { rdBytes: 512, wrBytes: 0, rdReqs: 0, wrReqs: 0, rdSeconds: 0, wrSeconds: 0, flReqs: 0 },
    ]);
    expect(await qemuStats(2 ** 30, blockstats, 1)).toBeUndefined();
  });
});
