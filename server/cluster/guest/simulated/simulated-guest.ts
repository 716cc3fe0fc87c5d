/**
 * A simulated guest: boots with a realistic log, offers a login and a small shell on its
 * serial line and on its screen (the same console output, as with `console=tty0
 * console=ttyS0`), and powers off or reboots like a real one. See types.ts for the contract.
 */
import { EventEmitter } from 'node:events';
import { bootScript, shutdownScript, type BootStep, type MachineFacts } from './boot-script.js';
import { GuestChannel, openSerialChannel } from '../console/channel.js';
import { Getty, shellHostFrom, type GettyHost } from './getty.js';
import { Shell } from './shell.js';
import { authorizedKeysPath, isAuthorized, type SshNetwork } from './ssh.js';
import { KeyboardState } from '../console/keysym.js';
import { guestNetwork, type GuestNetwork } from '../network-facts.js';
import { osProfile, type OsProfile } from '../os-profiles.js';
import { quantityInteger } from '../../apimachinery/quantity.js';
import { RfbServerSession } from '../console/rfb/rfb-session.js';
import { GuestScheduler } from './scheduler.js';
import { screenPng } from '../console/screenshot.js';
import { Screen, TEXT_MODE } from '../console/screen.js';
import { ConsoleSessions, GUEST_GONE_CLOSE_REASON } from '../console/sessions.js';
import type { ConsoleKind, Guest, GuestDisk, GuestOptions, GuestState, GuestStats } from '../types.js';
import { Workload } from './workload.js';

const DEFAULT_MEMORY = 1024 ** 3;

export class SimulatedGuest extends EventEmitter implements Guest {
  readonly name: string;
  readonly hostname: string;
  readonly hasGraphics: boolean;
  readonly profile: OsProfile;
  readonly user: string;
  readonly password: string;
  readonly network: GuestNetwork;
  readonly sessions = new ConsoleSessions();
  readonly screen = new Screen();
  readonly speed: number;
  private readonly facts: MachineFacts;
  private readonly scheduler: GuestScheduler;
  private readonly getty: Getty;
  /** What runs in the guest: its idle baseline and the jobs started from its shell. */
  readonly workload: Workload;
  private readonly serialListeners = new Set<(data: Uint8Array) => void>();
  private readonly channels = new Set<GuestChannel>();
  private readonly pausedInput: Uint8Array[] = [];
  private readonly typeahead: Uint8Array[] = [];
  private currentState: GuestState = 'booting';
  private isPaused = false;
  private bootStartedAt = Date.now();
  private blockDevices: GuestDisk[];
  private readonly gettyHost: GettyHost;
  private readonly leaveNetwork: () => void;

  constructor(options: GuestOptions, sshNetwork?: SshNetwork) {
    super();
    this.hostname = options.hostname;
    this.name = options.name ?? options.hostname;
    this.hasGraphics = options.hasGraphics ?? true;
    this.profile = osProfile(options.osName);
    this.user = options.user ?? this.profile.defaultUser;
    this.password = options.password ?? this.profile.defaultPassword;
    this.speed = options.speed && options.speed > 0 ? options.speed : 1;
    this.network = guestNetwork(options.ipAddress, options.macAddress, this.name);
    this.facts = {
      hostname: this.hostname,
      cpus: Math.max(1, options.cpus ?? 1),
      memoryBytes: quantityInteger(options.memory) ?? DEFAULT_MEMORY,
      emulation: options.emulation ?? false,
      ipv4: this.network.ipv4,
    };
    this.blockDevices = [...(options.disks ?? [])];
    this.scheduler = new GuestScheduler(this.speed);
    const facts = this.facts;
    const devices = () => this.blockDevices;
    this.workload = new Workload(this.facts, (ms, task) => this.scheduler.after(ms, task));
    this.gettyHost = {
      sshNetwork,
      hostname: this.hostname,
      profile: this.profile,
      user: this.user,
      password: this.password,
      network: this.network,
      get cpus() {
        return facts.cpus;
      },
      get memoryBytes() {
        return facts.memoryBytes;
      },
      get disks() {
        return devices();
      },
      emulation: this.facts.emulation,
      files: options.disk ?? new Map(),
      workload: this.workload,
      uptimeMs: () => this.uptimeMs(),
      print: (text) => this.print(text),
      clearScreen: () => this.print('\x1b[H\x1b[2J'),
      power: (action) => this.powerSequence(action, false),
      after: (ms, task) => this.scheduler.after(ms, task),
    };
    this.getty = new Getty(this.gettyHost);
    for (const [user, keys] of Object.entries(options.authorizedKeys ?? {})) this.setAuthorizedKeys(user, keys);
    this.leaveNetwork = sshNetwork?.join(this.sshServer()) ?? (() => undefined);
    this.boot();
  }

  get state(): GuestState {
    return this.currentState;
  }

  /** The VMI's address changed (a migration gave it a new pod): `ip a` shows it from now on. */
  setAddress(ipAddress: string): void {
    const next = guestNetwork(ipAddress, this.network.mac, this.name);
    // The console programs hold this object: update it in place.
    Object.assign(this.network as { -readonly [K in keyof GuestNetwork]: GuestNetwork[K] }, {
      ipv4: next.ipv4,
      prefixLength: next.prefixLength,
    });
    (this.facts as { ipv4?: string }).ipv4 = next.ipv4;
  }

  /** Hot-plug: the block devices lsblk shows from now on. */
  setDisks(disks: GuestDisk[]): void {
    this.blockDevices = [...disks];
  }

  /** The keys sshd accepts for `user` (~/.ssh/authorized_keys), as access credentials write them. */
  setAuthorizedKeys(user: string, keys: string[]): void {
    this.gettyHost.files.set(authorizedKeysPath(user), keys.length ? `${keys.join('\n')}\n` : '');
  }

  private sshServer() {
    const net = this.network;
    return {
      hostname: this.hostname,
      get address() {
        return net.ipv4;
      },
      exec: (user: string, key: string, command: string, print: (text: string) => void): boolean => {
        if (this.currentState !== 'running' || this.isPaused) return false;
        if (user !== this.user && user !== 'root') return false;
        if (!isAuthorized(this.gettyHost.files, user, key)) return false;
        const power = (a: 'poweroff' | 'reboot') => this.powerSequence(a, false);
        const shell = new Shell(shellHostFrom(this.gettyHost, { print, logout: () => undefined, power }), user);
        if (command) shell.run(command);
        return true;
      },
    };
  }

  setCpus(cpus: number): void {
    (this.facts as { cpus: number }).cpus = Math.max(1, cpus);
  }

  setMemory(bytes: number): void {
    (this.facts as { memoryBytes: number }).memoryBytes = bytes;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** The hypervisor's counters: what the workload has used since the guest started. */
  stats(): GuestStats | undefined {
    if (this.currentState === 'destroyed' || this.currentState === 'off') return undefined;
    return this.workload.stats();
  }

  /** True once the login prompt has been shown (and until shutdown). */
  get booted(): boolean {
    return this.currentState === 'running';
  }

  get loggedIn(): boolean {
    return this.getty.loggedIn;
  }

  /** The user logged in on the console (serial line and screen are the same tty). */
  loggedInUsers(): Array<{ userName: string; loginTime: number }> {
    const s = this.getty.session;
    return s ? [s] : [];
  }

  /** Guest uptime in guest milliseconds (real time × speed). */
  uptimeMs(): number {
    return (Date.now() - this.bootStartedAt) * this.speed;
  }

  // ---- serial line ------------------------------------------------------------------

  /** Listens to the serial line's output; returns the function that stops listening. */
  onSerialData(listener: (data: Uint8Array) => void): () => void {
    this.serialListeners.add(listener);
    return () => this.serialListeners.delete(listener);
  }

  /** Bytes typed on the serial line (or on the screen's keyboard: it is the same console). */
  writeSerial(data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (this.currentState === 'destroyed' || this.currentState === 'off') return;
    if (this.isPaused) {
      this.pausedInput.push(bytes);
      return;
    }
    if (this.currentState === 'booting') {
      this.typeahead.push(bytes);
      return;
    }
    this.getty.input(bytes);
  }

  /** A key on the screen's keyboard (X11 keysym), as an RFB KeyEvent carries it. */
  keyEvent(keyboard: KeyboardState, keysym: number, down: boolean): void {
    const action = keyboard.key(keysym, down);
    if (action.kind === 'bytes') this.writeSerial(action.bytes);
    else if (action.kind === 'ctrl-alt-del') this.ctrlAltDel();
  }

  openSerial(): GuestChannel {
    this.assertAlive();
    return openSerialChannel(this, this.channels);
  }

  openVnc(desktopName: string = this.name): GuestChannel {
    this.assertAlive();
    if (!this.hasGraphics) throw new Error('No graphics devices are present.');
    const keyboard = new KeyboardState();
    const channel: GuestChannel = new GuestChannel(
      (data) => session.receive(data),
      () => {
        session.dispose();
        this.channels.delete(channel);
      },
    );
    const session = new RfbServerSession({
      display: this.screen,
      desktopName,
      send: (data) => channel.deliver(data),
      fail: (reason) => channel.end(reason),
      onKey: (keysym, down) => this.keyEvent(keyboard, keysym, down),
      onCutText: () => undefined,
    });
    this.channels.add(channel);
    return channel;
  }

  hasActiveSession(kind: ConsoleKind): boolean {
    return this.sessions.has(kind);
  }

  screenshot(): Promise<Buffer> {
    return Promise.resolve(this.screenshotPng());
  }

  /** PNG of the current screen, synchronously. */
  screenshotPng(): Buffer {
    return screenPng(this.screen);
  }

  // ---- lifecycle ----------------------------------------------------------------------

  shutdown(graceful: boolean): void {
    if (this.currentState === 'off' || this.currentState === 'destroyed') return;
    if (!graceful) return this.powerOff();
    if (this.currentState === 'shutting-down') return;
    // ACPI power button: logind reacts even while someone is logged in.
    if (this.profile.init === 'systemd')
      this.print(`\nsystemd-logind[550]: Power key pressed short.\nsystemd-logind[550]: Powering off...\n`);
    this.powerSequence('poweroff', true);
  }

  reboot(): void {
    if (this.currentState === 'off' || this.currentState === 'destroyed' || this.currentState === 'shutting-down')
      return;
    if (this.profile.init === 'systemd') this.print('\nsystemd-logind[550]: The system will reboot now!\n');
    this.powerSequence('reboot', true);
  }

  /** Ctrl+Alt+Del on the screen: systemd's ctrl-alt-del.target (a reboot), like a real guest. */
  ctrlAltDel(): void {
    this.reboot();
  }

  pause(): void {
    if (this.isPaused || this.currentState === 'destroyed') return;
    this.isPaused = true;
    this.workload.setPaused(true);
    this.scheduler.freeze();
    this.emit('paused', true);
  }

  unpause(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.workload.setPaused(false);
    this.scheduler.thaw();
    this.emit('paused', false);
    for (const bytes of this.pausedInput.splice(0)) this.writeSerial(bytes);
  }

  destroy(): void {
    if (this.currentState === 'destroyed') return;
    this.currentState = 'destroyed';
    this.workload.clear();
    this.leaveNetwork();
    this.scheduler.stop();
    this.getty.stop();
    this.closeConsoles();
    this.emit('destroyed');
  }

  // ---- internals ----------------------------------------------------------------------

  private assertAlive(): void {
    if (this.currentState === 'destroyed' || this.currentState === 'off') throw new Error('VMI is not running');
  }

  /** Console output: `\n` becomes `\r\n` (the tty's ONLCR), then serial line and screen. */
  private print(text: string): void {
    if (this.currentState === 'destroyed') return;
    const bytes = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
    for (const l of this.serialListeners) l(bytes);
    this.screen.write(bytes);
  }

  private runSteps(steps: BootStep[], done: () => void): void {
    for (const step of steps) {
      this.scheduler.after(step.delayMs, () => {
        if (step.kind === 'text') this.print(step.text);
        else this.screen.setMode(step.width, step.height, 8);
      });
    }
    this.scheduler.after(0, done);
  }

  private boot(): void {
    this.currentState = 'booting';
    this.bootStartedAt = Date.now();
    this.screen.setMode(TEXT_MODE.width, TEXT_MODE.height, TEXT_MODE.cellWidth);
    this.runSteps(bootScript(this.profile, this.facts), () => {
      this.currentState = 'running';
      this.getty.start();
      this.emit('booted');
      for (const bytes of this.typeahead.splice(0)) this.getty.input(bytes);
    });
  }

  private powerSequence(action: 'poweroff' | 'reboot', external: boolean): void {
    if (this.currentState === 'shutting-down' || this.currentState === 'off' || this.currentState === 'destroyed')
      return;
    if (external) this.scheduler.clear();
    this.workload.clear();
    this.currentState = 'shutting-down';
    this.getty.stop();
    this.typeahead.length = 0;
    this.runSteps(shutdownScript(this.profile, action, this.uptimeMs()), () => {
      if (action === 'poweroff') return this.powerOff();
      this.emit('reboot');
      this.boot();
    });
  }

  private powerOff(): void {
    this.scheduler.clear();
    this.getty.stop();
    this.currentState = 'off';
    this.closeConsoles();
    this.emit('poweroff');
  }

  private closeConsoles(): void {
    for (const channel of [...this.channels]) channel.end(GUEST_GONE_CLOSE_REASON);
    this.channels.clear();
    this.sessions.closeAll();
  }
}
