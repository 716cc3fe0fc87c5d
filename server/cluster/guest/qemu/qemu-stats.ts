/**
 * What a real QEMU guest reports, as libvirt's domain stats would: the process's CPU time (user and
 * system, from /proc/<pid>/stat) and each vCPU thread's (`CPU n/KVM` or `CPU n/TCG`), its resident
 * memory (VmRSS), and QMP `query-blockstats` per disk. The guest's own view of its memory needs a
 * balloon driver this guest lacks: memory in use is what QEMU has touched (resident, up to the
 * guest's size). QEMU's user networking keeps no per-NIC counters: no network stats.
 */
import { readFile, readdir } from 'node:fs/promises';
import type { GuestStats } from '../types.js';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const HZ = 100;

interface BlockStats {
  device?: string;
  qdev?: string;
  stats?: {
    rd_bytes?: number;
    wr_bytes?: number;
    rd_operations?: number;
    wr_operations?: number;
    rd_total_time_ns?: number;
    wr_total_time_ns?: number;
    flush_operations?: number;
  };
}

/** utime and stime (seconds) of a /proc stat line; the command name may hold spaces and parentheses. */
export function cpuTimes(stat: string): { user: number; system: number } | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) return undefined;
  return { user: user / HZ, system: system / HZ };
}

async function vcpuSeconds(pid: number): Promise<number[]> {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = await readdir(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const comm = (await readFile(`/proc/${pid}/task/${tid}/comm`, 'utf8')).trim();
      const m = /^CPU (\d+)\//.exec(comm);
      if (!m) continue;
      const t = cpuTimes(await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      if (t) out[Number(m[1])] = t.user + t.system;
    } catch {
      // the thread ended meanwhile
    }
  }
  return Array.from(out, (v) => v ?? 0);
}

export async function qemuStats(
  pid: number,
  blockstats: () => Promise<unknown>,
  memoryBytes: number,
): Promise<GuestStats | undefined> {
  let stat: string;
  let status: string;
  try {
    [stat, status] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/status`, 'utf8'),
    ]);
  } catch {
    return undefined;
  }
  const cpu = cpuTimes(stat);
  if (!cpu) return undefined;
  const rss = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0) * 1024;
  const used = Math.min(memoryBytes, rss);
  const blocks = ((await blockstats().catch(() => [])) as BlockStats[])
    .filter((b) => b.stats)
    .map(({ stats: s = {} }) => ({
      rdBytes: s.rd_bytes ?? 0,
      wrBytes: s.wr_bytes ?? 0,
      rdReqs: s.rd_operations ?? 0,
      wrReqs: s.wr_operations ?? 0,
      rdSeconds: (s.rd_total_time_ns ?? 0) / 1e9,
      wrSeconds: (s.wr_total_time_ns ?? 0) / 1e9,
      flReqs: s.flush_operations ?? 0,
    }));
  return {
    cpu: { totalSeconds: cpu.user + cpu.system, userSeconds: cpu.user, systemSeconds: cpu.system },
    vcpuSeconds: await vcpuSeconds(pid),
    memory: {
      availableBytes: memoryBytes,
      usableBytes: memoryBytes - used,
      unusedBytes: memoryBytes - used,
      cachedBytes: 0,
      residentBytes: rss,
      domainBytes: memoryBytes,
      majorFaults: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[9]) || 0,
      minorFaults: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]) || 0,
    },
    blocks,
  };
}
