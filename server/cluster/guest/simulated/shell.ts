/**
 * The small shell a logged-in user gets: enough commands to see that the console is a real
 * session in the right VM (hostname, uname -a, ip a, whoami, uptime...) and to power it off.
 */
import type { OsProfile } from '../os-profiles.js';
import { cpuinfoOutput, detectVirt, lscpuOutput } from './cpu-facts.js';
import { ipAddrOutput, ipconfigOutput, type GuestNetwork } from '../network-facts.js';
import type { GuestFiles } from '../volume-data.js';
import { ls, readFile, rm, splitRedirect, touch, writeFile } from './files.js';
import { lsblkOutput, procMeminfo, procPartitions } from './block-devices.js';
import type { GuestDisk } from '../types.js';
import { JOB_COMMANDS, LOAD_COMMANDS, jobCommand, loadJob } from './load-commands.js';
import type { Job, Workload } from './workload.js';
import { ssh, type SshNetwork } from './ssh.js';

export interface ShellHost {
  readonly hostname: string;
  readonly profile: OsProfile;
  readonly network: GuestNetwork;
  readonly cpus: number;
  readonly memoryBytes: number;
  /** Software emulation (TCG, no KVM): what lscpu, /proc/cpuinfo and systemd-detect-virt report. */
  readonly emulation?: boolean;
  /** The root disk's files (the PVC's when the guest boots from one). */
  readonly files: GuestFiles;
  /** The other guests `ssh` reaches. */
  readonly sshNetwork?: SshNetwork;
  /** The block devices (hot-plugged ones included); none when not given. */
  readonly disks?: readonly GuestDisk[];
  uptimeMs(): number;
  /** Writes text; `\n` is turned into `\r\n` by the tty. */
  print(text: string): void;
  clearScreen(): void;
  logout(): void;
  power(action: 'poweroff' | 'reboot'): void;
  /** What runs in the guest (the load commands start jobs there). */
  readonly workload?: Workload;
  /** A foreground job ended: the shell is ready for the next command (print the prompt). */
  ready?(): void;
}

type Command = (args: string[], shell: Shell) => void;

/** Splits a command line into words, honouring single and double quotes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

function formatDate(d: Date): string {
  const day = d.toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const time = d.toISOString().slice(11, 19);
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}`;
}

function formatUptime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours}:${String(minutes % 60).padStart(2, '0')}`;
}

const POWER_WORDS: Record<string, 'poweroff' | 'reboot'> = { poweroff: 'poweroff', halt: 'poweroff', reboot: 'reboot' };

const LINUX_COMMANDS: Record<string, Command> = {
  hostname: (args, s) => s.out(args[0] === '-I' ? `${s.host.network.ipv4 ?? ''} ` : s.host.hostname),
  uname: (args, s) => s.out(s.uname(args)),
  whoami: (_args, s) => s.out(s.user),
  id: (_args, s) =>
    s.out(
      s.user === 'root'
        ? 'uid=0(root) gid=0(root) groups=0(root)'
        : `uid=1000(${s.user}) gid=1000(${s.user}) groups=1000(${s.user}),10(wheel)`,
    ),
  uptime: (_args, s) =>
    s.out(
      ` ${new Date().toISOString().slice(11, 19)} up ${formatUptime(s.host.uptimeMs())},  1 user,  load average: 0.00, 0.01, 0.00`,
    ),
  date: (_args, s) => s.out(formatDate(new Date())),
  echo: (args, s) => s.out(args.map((a) => s.expand(a)).join(' ')),
  pwd: (_args, s) => s.out(s.home),
  cd: () => undefined,
  ls: (args, s) => ls(s, args),
  touch: (args, s) => touch(s, args),
  rm: (args, s) => rm(s, args),
  sync: () => undefined,
  true: () => undefined,
  false: () => undefined,
  nproc: (_args, s) => s.out(String(s.host.cpus)),
  lsblk: (_args, s) => s.out(lsblkOutput(s.host.disks ?? [])),
  ssh: (args, s) =>
    ssh(
      {
        home: s.home,
        user: s.user,
        files: s.files,
        network: s.host.sshNetwork,
        out: (t) => s.out(t),
        write: (t) => s.write(t),
      },
      args,
    ),
  lscpu: (_args, s) => s.out(lscpuOutput(s.host.cpus, !!s.host.emulation)),
  'systemd-detect-virt': (_args, s) => s.out(detectVirt(!!s.host.emulation)),
  ip: (args, s) => s.ip(args),
  ifconfig: (_args, s) => s.ip(['a']),
  cat: (args, s) => s.cat(args),
  clear: (_args, s) => s.host.clearScreen(),
  exit: (_args, s) => s.host.logout(),
  logout: (_args, s) => s.host.logout(),
  help: (_args, s) =>
    s.out(
      'Commands: hostname, uname [-a], ip a, whoami, id, uptime, date, echo [text > file], cat, ls, touch,\n' +
        'rm, sync, nproc, lsblk, ssh, lscpu, systemd-detect-virt, free, clear, exit, logout, poweroff, reboot, shutdown -h now, sudo <command>',
    ),
  free: (_args, s) => {
    const kib = Math.round(s.host.memoryBytes / 1024);
    const used = Math.round(kib * 0.18);
    s.out(
      '               total        used        free      shared  buff/cache   available\n' +
        `Mem:      ${String(kib).padStart(10)}  ${String(used).padStart(10)}  ${String(kib - used).padStart(10)}           0           0  ${String(kib - used).padStart(10)}\n` +
        'Swap:              0           0           0',
    );
  },
  shutdown: (args, s) => s.host.power(args.includes('-r') ? 'reboot' : 'poweroff'),
  systemctl: (args, s) => {
    const action = POWER_WORDS[args[0] ?? ''];
    if (action) s.host.power(action);
    else s.out(`Unknown command verb '${args[0] ?? ''}'.`);
  },
  poweroff: (_args, s) => s.host.power('poweroff'),
  halt: (_args, s) => s.host.power('poweroff'),
  reboot: (_args, s) => s.host.power('reboot'),
};

const WINDOWS_COMMANDS: Record<string, Command> = {
  hostname: (_args, s) => s.out(s.host.hostname.toUpperCase()),
  whoami: (_args, s) => s.out(`${s.host.hostname.toLowerCase()}\\${s.user.toLowerCase()}`),
  ver: (_args, s) => s.out(`\nMicrosoft Windows [Version ${s.host.profile.kernel}.2700]`),
  echo: (args, s) => s.out(args.join(' ')),
  ipconfig: (_args, s) => s.out(ipconfigOutput(s.host.network)),
  cls: (_args, s) => s.host.clearScreen(),
  exit: (_args, s) => s.host.logout(),
  logoff: (_args, s) => s.host.logout(),
  help: (_args, s) => s.out('HOSTNAME, WHOAMI, VER, IPCONFIG, ECHO, CLS, EXIT, SHUTDOWN /s /t 0, SHUTDOWN /r /t 0'),
  shutdown: (args, s) => {
    const lower = args.map((a) => a.toLowerCase());
    if (lower.includes('/r')) s.host.power('reboot');
    else if (lower.includes('/s')) s.host.power('poweroff');
    else s.out('Usage: shutdown [/s | /r] [/t xxx]');
  },
};

export class Shell {
  /** Output of the running command when it is redirected to a file. */
  private captured: string[] | undefined;
  /** The job running in the foreground (the prompt waits for it; Ctrl-C ends it). */
  private foreground: Job | undefined;

  constructor(
    readonly host: ShellHost,
    readonly user: string,
  ) {}

  get files(): GuestFiles {
    return this.host.files;
  }

  get home(): string {
    if (this.host.profile.promptStyle === 'windows') return `C:\\Users\\${this.user}`;
    return this.user === 'root' ? '/root' : `/home/${this.user}`;
  }

  prompt(): string {
    const { hostname, profile } = this.host;
    const sigil = this.user === 'root' ? '#' : '$';
    switch (profile.promptStyle) {
      case 'redhat':
        return `[${this.user}@${hostname} ~]${sigil} `;
      case 'debian':
        return `${this.user}@${hostname}:~${sigil} `;
      case 'busybox':
        return `${sigil} `;
      case 'windows':
        return `\n${this.home}>`; // cmd.exe leaves a blank line before its prompt
    }
  }

  out(text: string): void {
    this.write(`${text}\n`);
  }

  /** Output as is (into the redirected file while a redirection runs). */
  write(text: string): void {
    if (this.captured) this.captured.push(text);
    else this.host.print(text);
  }

  /** True while a foreground job runs. */
  get busy(): boolean {
    return this.foreground !== undefined;
  }

  /** Ctrl-C: ends the foreground job. */
  interrupt(): void {
    const job = this.foreground;
    this.foreground = undefined;
    if (job) this.host.workload?.kill(job);
  }

  /** Runs one command line. */
  run(line: string): void {
    const windows = this.host.profile.promptStyle === 'windows';
    if (!windows && this.host.workload && this.runJob(line.trim(), this.host.workload)) return;
    const redirect = windows
      ? { words: splitWords(line.trim()), append: false }
      : splitRedirect(splitWords(line.trim()));
    if (redirect.file === undefined) {
      this.runWords(redirect.words, windows);
      return;
    }
    this.captured = [];
    try {
      if (redirect.words.length) this.runWords(redirect.words, windows);
    } finally {
      const text = this.captured.join('');
      this.captured = undefined;
      writeFile(this, redirect.file, text, redirect.append);
    }
  }

  /** Load and job-control commands (load-commands.ts); false when the line is something else. */
  private runJob(line: string, workload: Workload): boolean {
    const background = line.endsWith('&') && !line.endsWith('&&');
    const text = background ? line.slice(0, -1).trim() : line;
    let words = splitRedirect(splitWords(text)).words;
    if (words[0] === 'sudo') words = words.slice(1);
    const [name, ...args] = words;
    if (name !== undefined && JOB_COMMANDS.has(name)) {
      this.write(jobCommand(name, args, workload));
      return true;
    }
    if (name === undefined || !LOAD_COMMANDS.has(name)) return false;
    const spec = loadJob(name, args, text, this.host.cpus);
    if (typeof spec === 'string') {
      this.out(spec);
      return true;
    }
    const job = workload.start(spec);
    if (background) {
      this.out(`[${job.id}] ${job.pid}`);
      return true;
    }
    if (name === 'stress' || name === 'stress-ng')
      this.out(`${name}: info: [${job.pid}] dispatching hogs: ${args.join(' ')}`);
    this.foreground = job;
    job.onEnd = (ended) => {
      if (this.foreground !== ended) return;
      this.foreground = undefined;
      if (ended.ended === 'done' && ended.doneText) this.host.print(ended.doneText(ended));
      this.host.ready?.();
    };
    return true;
  }

  private runWords(words: string[], windows: boolean): void {
    if (words.length === 0) return;
    let [name, ...args] = words;
    if (!windows && name === 'sudo') {
      if (args[0] === '-i' || args[0] === '-s' || args.length === 0) return;
      [name, ...args] = args;
    }
    const table = windows ? WINDOWS_COMMANDS : LINUX_COMMANDS;
    const command = Object.hasOwn(table, windows ? name.toLowerCase() : name)
      ? table[windows ? name.toLowerCase() : name]
      : undefined;
    if (command) command(args, this);
    else if (windows)
      this.out(`'${name}' is not recognized as an internal or external command,\noperable program or batch file.`);
    else this.out(`-${this.host.profile.shell}: ${name}: command not found`);
  }

  expand(word: string): string {
    const vars: Record<string, string> = {
      HOSTNAME: this.host.hostname,
      USER: this.user,
      HOME: this.home,
      SHELL: `/bin/${this.host.profile.shell}`,
    };
    return word.replace(/\$\{?([A-Z_]+)\}?/g, (_m, key: string) => vars[key] ?? '');
  }

  uname(args: string[]): string {
    const { hostname, profile } = this.host;
    const parts: Record<string, string> = {
      s: 'Linux',
      n: hostname,
      r: profile.kernel,
      v: '#1 SMP PREEMPT_DYNAMIC',
      m: 'x86_64',
      o: 'GNU/Linux',
    };
    const flags = args.filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)]);
    if (flags.includes('a')) return `Linux ${hostname} ${profile.kernel} #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux`;
    if (flags.length === 0) return 'Linux';
    return flags
      .map((f) => parts[f] ?? '')
      .filter(Boolean)
      .join(' ');
  }

  ip(args: string[]): void {
    const object = args.find((a) => !a.startsWith('-')) ?? '';
    if (['a', 'addr', 'address'].includes(object)) {
      this.host.print(ipAddrOutput(this.host.network));
    } else if (['r', 'route'].includes(object)) {
      const ip = this.host.network.ipv4;
      if (ip)
        this.out(`default via ${ip.split('.').slice(0, 3).join('.')}.1 dev enp1s0 proto dhcp src ${ip} metric 100`);
    } else {
      this.out('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       OBJECT := { address | route | link }');
    }
  }

  cat(args: string[]): void {
    const files: Record<string, () => string> = {
      '/etc/os-release': () => this.host.profile.osRelease,
      '/etc/hostname': () => this.host.hostname,
      '/proc/sys/kernel/hostname': () => this.host.hostname,
      '/proc/cpuinfo': () => cpuinfoOutput(this.host.cpus, !!this.host.emulation),
      '/proc/meminfo': () => procMeminfo(this.host.memoryBytes),
      '/proc/partitions': () => procPartitions(this.host.disks ?? []),
    };
    for (const file of args) {
      const onDisk = readFile(this, file);
      const content = Object.hasOwn(files, file) ? files[file]() : undefined;
      if (content !== undefined) this.out(content);
      else if (onDisk !== undefined) this.write(onDisk);
      else this.out(`cat: ${file}: No such file or directory`);
    }
  }
}
