/**
 * The console's login program and the shell session it starts (agetty + login + shell):
 * `<host> login: `, `Password: ` without echo, "Login incorrect", then the shell until
 * `exit`, `logout` or Ctrl-D, and back to the login prompt.
 */
import { LineDiscipline } from './line-discipline.js';
import type { OsProfile } from '../os-profiles.js';
import { Shell, type ShellHost } from './shell.js';

export interface GettyHost extends Omit<ShellHost, 'logout' | 'ready'> {
  readonly user: string;
  readonly password: string;
  readonly profile: OsProfile;
  /** Runs `task` after `delayMs` guest milliseconds (frozen while paused). */
  after(delayMs: number, task: () => void): void;
}

type GettyPhase = 'login' | 'password' | 'checking' | 'shell' | 'stopped';

export class Getty {
  private phase: GettyPhase = 'stopped';
  private shell: Shell | undefined;
  private attemptedUser = '';
  /** When the shell's user logged in (ms). */
  private loginAt = 0;
  /** Typed while the password is being checked: the shell reads it, as on a real tty. */
  private typeahead: Uint8Array[] = [];
  private readonly tty: LineDiscipline;

  constructor(private readonly host: GettyHost) {
    this.tty = new LineDiscipline({
      echo: (text) => host.print(text),
      line: (line) => this.line(line),
      interrupt: () => this.interrupt(),
      endOfFile: () => this.endOfFile(),
    });
  }

  get loggedIn(): boolean {
    return this.phase === 'shell';
  }

  /** The logged-in user and when they logged in (seconds since the epoch), as guest-get-users reports. */
  get session(): { userName: string; loginTime: number } | undefined {
    return this.phase === 'shell' ? { userName: this.attemptedUser, loginTime: this.loginAt / 1000 } : undefined;
  }

  /** Prints the issue banner and the first login prompt. */
  start(): void {
    this.tty.reset();
    this.tty.echoEnabled = true;
    const issue = this.host.profile.issue
      .replace('\\r', this.host.profile.kernel)
      .replace('\\m', 'x86_64')
      .replace('\\l', 'ttyS0')
      .replace('\\n', this.host.hostname);
    if (issue) this.host.print(`${issue}\n`);
    this.loginPrompt();
  }

  /** Stops reading (shutdown): input is ignored from now on. */
  stop(): void {
    this.phase = 'stopped';
    this.typeahead = [];
    this.shell = undefined;
    this.tty.reset();
    this.tty.echoEnabled = true;
  }

  input(data: Uint8Array): void {
    if (this.phase === 'stopped') return;
    if (this.phase === 'checking') {
      this.typeahead.push(data);
      return;
    }
    this.tty.input(data);
  }

  private replayTypeahead(): void {
    for (const data of this.typeahead.splice(0)) this.input(data);
  }

  private loginPrompt(): void {
    this.phase = 'login';
    this.tty.echoEnabled = true;
    this.host.print(`${this.host.hostname} login: `);
  }

  private line(line: string): void {
    switch (this.phase) {
      case 'login':
        if (line.trim() === '') return this.loginPrompt();
        this.attemptedUser = line.trim();
        this.phase = 'password';
        this.tty.echoEnabled = false;
        this.host.print('Password: ');
        return;
      case 'password':
        return this.checkPassword(line);
      case 'shell':
        // A line typed while a foreground job runs goes to that job (which reads nothing).
        if (this.shell?.busy) return;
        this.shell?.run(line);
        if (this.phase === 'shell' && !this.shell?.busy) this.host.print(this.shell?.prompt() ?? '');
        return;
      default:
        return;
    }
  }

  private checkPassword(password: string): void {
    this.tty.echoEnabled = true;
    const ok = this.attemptedUser === this.host.user && password === this.host.password;
    this.phase = 'checking';
    // login(1) answers a wrong password only after a delay, a right one at once.
    this.host.after(ok ? 150 : 2000, () => {
      if (this.phase !== 'checking') return;
      if (ok) this.startShell();
      else {
        this.host.print('Login incorrect\n\n');
        this.loginPrompt();
      }
      this.replayTypeahead();
    });
  }

  private startShell(): void {
    this.phase = 'shell';
    this.loginAt = Date.now();
    this.shell = new Shell(
      this.hostView(() => this.logout()),
      this.attemptedUser,
    );
    if (this.host.profile.promptStyle !== 'windows') {
      this.host.print(`Last login: ${new Date().toUTCString()} on ttyS0\n`);
    }
    this.host.print(this.shell.prompt());
  }

  private hostView(logout: () => void): ShellHost {
    return shellHostFrom(this.host, {
      logout,
      ready: () => {
        if (this.phase === 'shell') this.host.print(this.shell?.prompt() ?? '');
      },
      print: (text) => this.host.print(text),
      power: (action) => {
        this.stop();
        this.host.power(action);
      },
    });
  }

  private logout(): void {
    this.shell = undefined;
    this.host.print('logout\n\n');
    this.start();
  }

  private interrupt(): void {
    if (this.phase === 'shell') {
      this.shell?.interrupt();
      this.host.print(this.shell?.prompt() ?? '');
    } else if (this.phase === 'login' || this.phase === 'password') this.loginPrompt();
  }

  private endOfFile(): void {
    if (this.phase === 'shell') this.logout();
  }
}

/**
 * A shell's host over a getty's (no object spread: it would freeze the hot-plug getters' values);
 * `io` says where output goes and what logout and power do (the console, or an ssh command).
 */
export function shellHostFrom(
  h: Omit<GettyHost, 'user' | 'password' | 'after'>,
  io: Pick<ShellHost, 'print' | 'logout' | 'power' | 'ready'>,
): ShellHost {
  return {
    hostname: h.hostname,
    profile: h.profile,
    network: h.network,
    get cpus() {
      return h.cpus;
    },
    get memoryBytes() {
      return h.memoryBytes;
    },
    get disks() {
      return h.disks;
    },
    emulation: h.emulation,
    files: h.files,
    workload: h.workload,
    sshNetwork: h.sshNetwork,
    uptimeMs: () => h.uptimeMs(),
    clearScreen: () => h.clearScreen(),
    ...io,
  };
}
