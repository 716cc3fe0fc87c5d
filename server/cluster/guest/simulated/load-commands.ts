/**
 * Shell commands that load the simulated guest (workload.ts): `yes > /dev/null &`, `stress --cpu N
 * --timeout 60s`, `stress-ng`, `dd` (to /dev/null: CPU; to a file: disk writes; from a disk:
 * reads), and job control: `jobs`, `ps`, `kill %N|PID`, `killall`/`pkill NAME`; Ctrl-C ends the
 * foreground one.
 */
import type { Job, JobSpec, Workload } from './workload.js';

export const LOAD_COMMANDS = new Set(['yes', 'stress', 'stress-ng', 'dd']);
export const JOB_COMMANDS = new Set(['jobs', 'ps', 'kill', 'killall', 'pkill']);

const SIZE_UNITS: Record<string, number> = { '': 1, c: 1, w: 2, b: 512, k: 1024, K: 1024, M: 2 ** 20, G: 2 ** 30 };
const DISK_WRITE_BPS = 180 * 2 ** 20;
const DISK_READ_BPS = 400 * 2 ** 20;
const MEMORY_COPY_BPS = 2.5 * 2 ** 30;

function size(text: string | undefined, fallback: number): number {
  const m = /^(\d+)([cwbkKMG]?)$/.exec(text ?? '');
  return m ? Number(m[1]) * SIZE_UNITS[m[2]] : fallback;
}

function seconds(text: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text ?? '');
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's'];
}

function option(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const n of names) {
      if (args[i] === n) return args[i + 1];
      if (args[i].startsWith(`${n}=`)) return args[i].slice(n.length + 1);
    }
  }
  return undefined;
}

const human = (bytes: number) =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The job a load command starts, or an error line. */
export function loadJob(name: string, args: string[], line: string, cpus: number): JobSpec | string {
  if (name === 'yes') return { command: line, cores: 1 };
  if (name === 'stress' || name === 'stress-ng') {
    const cpu = Number(option(args, '--cpu', '-c') ?? '0');
    const io = Number(option(args, '--io', '-i', '--hdd', '-d') ?? '0');
    const timeout = seconds(option(args, '--timeout', '-t'));
    if (!(cpu > 0) && !(io > 0)) return `${name}: FAIL: no hogs given (try --cpu ${cpus} --timeout 60s)`;
    const hogs = Math.max(0, cpu || 0);
    return {
      command: line,
      cores: (cpu > 0 ? hogs : 0) + (io > 0 ? 0.2 * io : 0),
      writeBps: io > 0 ? (DISK_WRITE_BPS / 2) * Math.min(io, 4) : 0,
      seconds: timeout,
      doneText: (job) => `${name}: info: [${job.pid}] successful run completed in ${timeout}s\n`,
    };
  }
  // dd
  const kv = Object.fromEntries(args.filter((a) => a.includes('=')).map((a) => a.split('=', 2) as [string, string]));
  const input = kv.if ?? '/dev/stdin';
  const output = kv.of ?? '/dev/stdout';
  const bs = size(kv.bs, 512);
  const count = kv.count === undefined ? undefined : Number(kv.count);
  if (count !== undefined && !(count >= 0)) return `dd: invalid number: '${kv.count}'`;
  const total = count === undefined ? undefined : bs * count;
  const toDisk = !output.startsWith('/dev/null');
  const fromDisk = !['/dev/zero', '/dev/urandom', '/dev/random', '/dev/stdin'].includes(input);
  const rate = toDisk ? DISK_WRITE_BPS : fromDisk ? DISK_READ_BPS : MEMORY_COPY_BPS;
  const secs = total === undefined ? undefined : total / rate;
  return {
    command: line,
    cores: toDisk || fromDisk ? 0.35 : 1,
    writeBps: toDisk ? DISK_WRITE_BPS : 0,
    readBps: fromDisk ? DISK_READ_BPS : 0,
    seconds: secs,
    doneText: () =>
      `${count}+0 records in\n${count}+0 records out\n${total} bytes (${human(total ?? 0)}) copied, ${(secs ?? 0).toFixed(3)} s, ${human(rate)}/s\n`,
  };
}

/** `jobs`, `ps`, `kill`, `killall`, `pkill`: returns the text to print. */
export function jobCommand(name: string, args: string[], workload: Workload): string {
  const jobs = workload.list();
  const word = (j: Job) => j.command.split(/\s+/)[0].replace(/^sudo$/, j.command.split(/\s+/)[1] ?? '');
  switch (name) {
    case 'jobs':
      return jobs
        .map((j) => `[${j.id}]${j === jobs[jobs.length - 1] ? '+' : '-'}  Running                 ${j.command} &\n`)
        .join('');
    case 'ps':
      return (
        '    PID TTY          TIME CMD\n    980 ttyS0    00:00:00 bash\n' +
        jobs.map((j) => `${String(j.pid).padStart(7)} ttyS0    00:00:00 ${word(j)}\n`).join('') +
        `${String(1999).padStart(7)} ttyS0    00:00:00 ps\n`
      );
    case 'kill': {
      const targets = args.filter((a) => !a.startsWith('-'));
      if (!targets.length)
        return 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';
      let out = '';
      for (const t of targets) {
        const job = t.startsWith('%')
          ? jobs.find((j) => String(j.id) === t.slice(1))
          : jobs.find((j) => String(j.pid) === t);
        if (!job) {
          out += t.startsWith('%') ? `-bash: kill: ${t}: no such job\n` : `-bash: kill: (${t}) - No such process\n`;
          continue;
        }
        workload.kill(job);
        out += `[${job.id}]+  Terminated              ${job.command}\n`;
      }
      return out;
    }
    default: {
      // killall / pkill NAME
      const target = args.find((a) => !a.startsWith('-'));
      if (!target) return `Usage: ${name} [OPTION]... PATTERN\n`;
      const hit = jobs.filter((j) => word(j) === target || (name === 'pkill' && word(j).includes(target)));
      for (const j of hit) workload.kill(j);
      if (!hit.length) return name === 'killall' ? `${target}: no process found\n` : '';
      return hit.map((j) => `[${j.id}]+  Terminated              ${j.command}\n`).join('');
    }
  }
}
