/**
 * What runs in a simulated guest and what it costs: an idle baseline (a little CPU, journald's
 * writes, background network chatter) plus the jobs started from the shell (`yes`, `stress`, `dd`),
 * integrated over real time into the counters a hypervisor reports (GuestStats). Rates are the
 * guest's nominal ones per real second (one busy core is 1 CPU second per second at any --speed);
 * durations (`--timeout 60s`, a dd of 1 GiB) are guest time, shortened by --speed.
 */
import type { GuestStats } from '../types.js';

export interface JobSpec {
  /** The command line as typed (for `jobs`, `ps` and `Terminated` lines). */
  command: string;
  /** Cores it keeps busy (capped by the guest's vCPUs). */
  cores: number;
  writeBps?: number;
  readBps?: number;
  /** Guest seconds until it finishes on its own (undefined: until killed). */
  seconds?: number;
  /** Printed when it finishes on its own. */
  doneText?: (job: Job) => string;
}

export interface Job extends JobSpec {
  readonly id: number;
  readonly pid: number;
  /** Set when it ended: 'done' (finished) or 'killed'. */
  ended?: 'done' | 'killed';
  onEnd?: (job: Job) => void;
}

/** Idle guest: ~1.5 % of a core, journald's writes, ARP/DHCP/NTP chatter. */
const IDLE = { cores: 0.015, writeBps: 3_000, rxBps: 180, txBps: 90 };
const PACKET = 900;
const BLOCK = 512 * 1024;

export class Workload {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private nextPid = 1200;
  private last: number;
  private paused = false;
  private readonly c = {
    cpu: 0,
    user: 0,
    system: 0,
    vcpu: [] as number[],
    rd: 0,
    wr: 0,
    rdReqs: 0,
    wrReqs: 0,
    rx: 0,
    tx: 0,
    faults: 0,
  };

  constructor(
    /** The guest's vCPUs and memory, read live (CPU and memory hot-plug change them). */
    private readonly machine: { readonly cpus: number; readonly memoryBytes: number },
    /** Runs a task after guest milliseconds (frozen while the guest is paused). */
    private readonly after: (guestMs: number, task: () => void) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
    this.c.vcpu = Array.from({ length: machine.cpus }, () => 0);
    // Booting read the kernel, initramfs and root file system.
    this.c.rd = 48 * 2 ** 20;
    this.c.rdReqs = 1900;
  }

  /** Cores busy now. */
  get demand(): number {
    let busy = IDLE.cores;
    for (const j of this.jobs.values()) busy += j.cores;
    return Math.min(busy, this.machine.cpus);
  }

  list(): Job[] {
    return [...this.jobs.values()];
  }

  setPaused(paused: boolean): void {
    this.advance();
    this.paused = paused;
  }

  /** Starts a job; it ends after its guest seconds, or when killed. */
  start(spec: JobSpec): Job {
    this.advance();
    const job: Job = { ...spec, id: this.nextId++, pid: this.nextPid++ };
    this.jobs.set(job.pid, job);
    if (spec.seconds !== undefined)
      this.after(spec.seconds * 1000, () => {
        if (!this.jobs.has(job.pid)) return;
        this.end(job, 'done');
      });
    return job;
  }

  kill(job: Job): void {
    if (this.jobs.has(job.pid)) this.end(job, 'killed');
  }

  /** Everything stops (poweroff, reboot, destroy). */
  clear(): void {
    this.advance();
    this.jobs.clear();
    this.nextId = 1;
  }

  private end(job: Job, how: 'done' | 'killed'): void {
    this.advance();
    this.jobs.delete(job.pid);
    if (this.jobs.size === 0) this.nextId = 1;
    job.ended = how;
    job.onEnd?.(job);
  }

  /** Adds what ran since the last call to the counters. */
  private advance(): void {
    const now = this.now();
    const dt = Math.max(0, (now - this.last) / 1000);
    this.last = now;
    if (this.paused || dt === 0) return;
    const busy = this.demand;
    const c = this.c;
    // vCPU time; the hypervisor (QEMU's I/O threads) adds a few percent on top.
    c.cpu += busy * dt * 1.04;
    c.user += busy * dt * 0.85;
    c.system += busy * dt * 0.15;
    let left = busy * dt;
    while (c.vcpu.length < this.machine.cpus) c.vcpu.push(0);
    for (let i = 0; i < this.machine.cpus && left > 0; i++) {
      const share = Math.min(dt, left);
      c.vcpu[i] += share;
      left -= share;
    }
    let wr = IDLE.writeBps;
    let rd = 0;
    for (const j of this.jobs.values()) {
      wr += j.writeBps ?? 0;
      rd += j.readBps ?? 0;
    }
    c.wr += wr * dt;
    c.rd += rd * dt;
    c.wrReqs += Math.max(1, (wr * dt) / BLOCK) * (wr > IDLE.writeBps ? 1 : 0.2);
    c.rdReqs += (rd * dt) / BLOCK;
    c.rx += IDLE.rxBps * dt;
    c.tx += IDLE.txBps * dt;
    c.faults += busy * dt * 40;
  }

  stats(): GuestStats {
    this.advance();
    const c = this.c;
    const mem = this.machine.memoryBytes;
    const available = Math.round(mem * 0.97);
    // The page cache grows with what was written, up to a third of memory.
    const cached = Math.min(mem / 3, 96 * 2 ** 20 + c.wr * 0.5);
    const used = mem * 0.16 + this.list().length * 2 ** 20;
    const usable = Math.max(0, available - used);
    return {
      cpu: { totalSeconds: c.cpu, userSeconds: c.user, systemSeconds: c.system },
      vcpuSeconds: c.vcpu.slice(0, this.machine.cpus),
      memory: {
        availableBytes: available,
        usableBytes: usable,
        unusedBytes: Math.max(0, usable - cached),
        cachedBytes: cached,
        residentBytes: Math.round(used + cached + 180 * 2 ** 20),
        domainBytes: mem,
        majorFaults: Math.round(c.rdReqs / 10),
        minorFaults: Math.round(c.faults + c.cpu * 200),
      },
      net: {
        rxBytes: Math.round(c.rx),
        txBytes: Math.round(c.tx),
        rxPackets: Math.round(c.rx / PACKET),
        txPackets: Math.round(c.tx / PACKET),
      },
      blocks: [
        {
          rdBytes: Math.round(c.rd),
          wrBytes: Math.round(c.wr),
          rdReqs: Math.round(c.rdReqs),
          wrReqs: Math.round(c.wrReqs),
          rdSeconds: c.rdReqs * 0.0002,
          wrSeconds: c.wrReqs * 0.0004,
          flReqs: Math.round(c.wrReqs / 8),
        },
      ],
    };
  }
}
