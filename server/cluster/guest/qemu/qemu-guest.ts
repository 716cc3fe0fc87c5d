/**
 * A real guest: one qemu-system-x86_64 process booting the tiny Linux built by
 * `npm run guest:build`. Its serial line, VNC server and QMP monitor are unix sockets in a run
 * directory; the consoles are bridged to them byte for byte. See types.ts for the contract.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { openSerialChannel, type GuestChannel } from '../console/channel.js';
import { ConsoleSessions, GUEST_GONE_CLOSE_REASON } from '../console/sessions.js';
import type { ByteChannel, ConsoleKind, Guest, GuestDisk, GuestOptions, GuestState, GuestStats } from '../types.js';
import { qemuStats } from './qemu-stats.js';
import type { AccelDecision } from './accel.js';
import { configArchive, guestConfig, type GuestConfig } from './guest-config.js';
import { dieWithParent, reapOnExit } from './process-reaper.js';
import { ppmToPng } from './ppm.js';
import { machineSize, qemuArgs, runPaths, type Accel, type RunPaths, type SizeLimits } from './qemu-args.js';
import { QmpClient, type QmpEvent } from './qmp-client.js';
import { QemuHotplug } from './qemu-hotplug.js';
import { socketChannel } from './socket-channel.js';
import { connectUnix, retryConnect } from './unix-socket.js';

export interface QemuGuestDeps {
  qemu: string;
  kernel: string;
  /** The built initramfs (read once per backend). */
  initramfs: () => Promise<Buffer>;
  accel: Promise<AccelDecision>;
  limits: SizeLimits;
  /** Where run directories are made (default /tmp: unix socket paths must stay short). */
  runRoot: string;
  log: (msg: string) => void;
}

const NO_GRAPHICS = 'No graphics devices are present.';
const START_TIMEOUT_MS = 15_000;
/** getty's prompt, `<hostname> login: `, on the serial line means the guest has booted. */
const LOGIN_PROMPT = / login: $/;

export class QemuGuest extends EventEmitter implements Guest {
  readonly name: string;
  readonly hostname: string;
  readonly hasGraphics: boolean;
  readonly sessions = new ConsoleSessions();
  /** The VMI is reported Running once the login prompt is on the serial line. */
  readonly runningOnceBooted = true;
  readonly config: GuestConfig;
  readonly size: { memoryMiB: number; cpus: number };
  /** KVM or TCG, once decided. */
  accel?: Accel;
  /** Milliseconds from `cont` to the login prompt, for the last boot. */
  bootMs?: number;
  /** Resolves with the run directory's paths once QMP and the serial line are connected. */
  readonly ready: Promise<RunPaths>;
  private currentState: GuestState = 'booting';
  private isPaused = false;
  private child?: ChildProcess;
  private qmp?: QmpClient;
  private serial?: Socket;
  private paths?: RunPaths;
  private readonly serialListeners = new Set<(data: Uint8Array) => void>();
  private readonly channels = new Set<GuestChannel>();
  private readonly serialQueue: Uint8Array[] = [];
  private tail = '';
  private bootStartedAt = 0;
  private powerdownRequested = false;
  private guestShutdown = false;
  private plugPulled = false;
  private crashReason?: string;
  private stderrTail = '';
  private screenshots = 0;
  private readonly bootDisk?: GuestOptions['bootDisk'];
  private readonly dataDisks: NonNullable<GuestOptions['dataDisks']>;
  private readonly hotplug = new QemuHotplug(() => {
    const qmp = this.qmp;
    return qmp && !qmp.isClosed ? (command, args) => qmp.execute(command, args) : undefined;
  });

  constructor(
    options: GuestOptions,
    private readonly deps: QemuGuestDeps,
  ) {
    super();
    this.name = options.name ?? options.hostname;
    this.config = guestConfig(options);
    this.hostname = this.config.hostname;
    this.hasGraphics = options.hasGraphics ?? true;
    this.bootDisk = options.bootDisk;
    this.dataDisks = options.dataDisks ?? [];
    this.size = machineSize(options, deps.limits);
    this.ready = this.launch(options.emulation === true);
    this.ready.catch((err: unknown) =>
      this.fail(`QEMU did not start: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  get state(): GuestState {
    return this.currentState;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The QEMU process's CPU time and memory, and QMP's block statistics (qemu-stats.ts). */
  async stats(): Promise<GuestStats | undefined> {
    const pid = this.child?.pid;
    const qmp = this.qmp;
    if (pid === undefined || !qmp || qmp.isClosed || this.gone) return undefined;
    return qemuStats(pid, () => qmp.execute('query-blockstats'), this.size.memoryMiB * 2 ** 20);
  }

  // ---- consoles -------------------------------------------------------------------------

  /** Listens to the serial line's output; returns the function that stops listening. */
  onSerialData(listener: (data: Uint8Array) => void): () => void {
    this.serialListeners.add(listener);
    return () => this.serialListeners.delete(listener);
  }

  writeSerial(data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (this.serial) this.serial.write(bytes);
    else this.serialQueue.push(bytes);
  }

  openSerial(): ByteChannel {
    this.assertAlive();
    return openSerialChannel(this, this.channels);
  }

  /** A new client connection to QEMU's VNC server (QEMU names the desktop after `-name`). */
  openVnc(): ByteChannel {
    this.assertAlive();
    if (!this.hasGraphics) throw new Error(NO_GRAPHICS);
    const channel = socketChannel(
      this.ready.then((p) => p.vnc),
      () => this.channels.delete(channel),
    );
    this.channels.add(channel);
    return channel;
  }

  hasActiveSession(kind: ConsoleKind): boolean {
    return this.sessions.has(kind);
  }

  /** PNG of the real screen: QMP `screendump` to a PPM file in the run directory. */
  async screenshot(): Promise<Buffer> {
    if (!this.hasGraphics) throw new Error(NO_GRAPHICS);
    const paths = await this.ready;
    if (!this.qmp || this.qmp.isClosed) throw new Error('VMI is not running');
    const file = path.join(paths.dir, `screen-${++this.screenshots}.ppm`);
    await this.qmp.execute('screendump', { filename: file });
    try {
      return ppmToPng(await readFile(file));
    } finally {
      await unlink(file).catch(() => undefined);
    }
  }

  // ---- lifecycle ------------------------------------------------------------------------

  shutdown(graceful: boolean): void {
    if (this.currentState === 'off' || this.currentState === 'destroyed') return;
    if (!graceful) {
      this.plugPulled = true;
      this.child?.kill('SIGKILL');
      if (!this.child) this.fail('stopped before QEMU started');
      return;
    }
    // ACPI power button. A guest still booting has no ACPI daemon yet: pressed again at boot.
    this.powerdownRequested = true;
    if (this.currentState === 'running') this.currentState = 'shutting-down';
    this.command('system_powerdown');
  }

  pause(): void {
    if (this.isPaused || this.currentState === 'destroyed' || this.currentState === 'off') return;
    this.isPaused = true;
    this.command('stop');
    this.emit('paused', true);
  }

  unpause(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.command('cont');
    this.emit('paused', false);
  }

  /** A hardware reset (QMP system_reset); QEMU's RESET event emits `reboot`, the prompt `booted`. */
  reboot(): void {
    if (this.currentState === 'off' || this.currentState === 'destroyed' || this.currentState === 'shutting-down')
      return;
    this.command('system_reset');
  }

  destroy(): void {
    if (this.currentState === 'destroyed') return;
    this.currentState = 'destroyed';
    this.child?.kill('SIGKILL');
    if (!this.child) void this.cleanup();
    this.closeConsoles();
    this.emit('destroyed');
  }

  // ---- internals ------------------------------------------------------------------------

  private assertAlive(): void {
    if (this.currentState === 'destroyed' || this.currentState === 'off') throw new Error('VMI is not running');
  }

  private command(name: string): void {
    if (!this.qmp || this.qmp.isClosed) return;
    this.qmp.execute(name).catch((err: unknown) => {
      if (!this.gone) this.deps.log(`guest ${this.name}: QMP ${name}: ${String(err)}`);
    });
  }

  private get gone(): boolean {
    return this.currentState === 'destroyed' || this.currentState === 'off';
  }

  private async launch(forceTcg: boolean): Promise<RunPaths> {
    const decision = await this.deps.accel;
    this.accel = forceTcg ? 'tcg' : decision.accel;
    const dir = await mkdtemp(path.join(this.deps.runRoot, 'kvc-qemu-'));
    const paths = runPaths(dir);
    this.paths = paths;
    if (this.gone) throw new Error('guest ended while starting');
    await writeFile(paths.initrd, Buffer.concat([configArchive(this.config), await this.deps.initramfs()]));
    const args = qemuArgs({
      name: this.name,
      accel: this.accel,
      ...this.size,
      kernel: this.deps.kernel,
      paths,
      graphics: this.hasGraphics,
      network: this.config.network,
      mac: this.config.mac,
      bootDisk: this.bootDisk,
      dataDisks: this.dataDisks,
    });
    if (this.gone) throw new Error('guest ended while starting');
    const [command, argv] = dieWithParent(this.deps.qemu, args);
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    reapOnExit(child);
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000)),
    );
    const exited = new Promise<never>((_, reject) => {
      child.once('error', (err) => reject(err));
      child.once('exit', (code, signal) => {
        void this.onExit(code, signal);
        reject(new Error(`QEMU exited (${signal ?? `code ${code}`}): ${this.stderrTail.trim()}`));
      });
    });
    exited.catch(() => undefined);
    const stopped = () => child.exitCode !== null || child.signalCode !== null;
    this.qmp = await Promise.race([
      retryConnect(() => QmpClient.connect(paths.qmp), START_TIMEOUT_MS, stopped),
      exited,
    ]);
    this.qmp.on('event', (e) => this.onQmpEvent(e));
    const serial = await Promise.race([
      retryConnect(() => connectUnix(paths.serial), START_TIMEOUT_MS, stopped),
      exited,
    ]);
    this.serial = serial;
    serial.on('data', (data: Buffer) => this.onSerial(data));
    serial.on('error', () => serial.destroy());
    for (const bytes of this.serialQueue.splice(0)) serial.write(bytes);
    this.bootStartedAt = Date.now();
    if (!this.isPaused) await this.qmp.execute('cont');
    return paths;
  }

  private onSerial(data: Buffer): void {
    for (const l of this.serialListeners) l(data);
    if (this.currentState !== 'booting') return;
    this.tail = (this.tail + data.toString('latin1')).slice(-256);
    if (!LOGIN_PROMPT.test(this.tail)) return;
    this.tail = '';
    this.currentState = 'running';
    this.bootMs = Date.now() - this.bootStartedAt;
    this.emit('booted');
    if (this.powerdownRequested) {
      this.currentState = 'shutting-down';
      this.command('system_powerdown');
    }
  }

  /** Hot-plug: the disks with an image are attached (or detached) through QMP. */
  setDisks(disks: GuestDisk[]): void {
    if (this.qmp && !this.qmp.isClosed) this.hotplug.sync(disks);
  }

  private onQmpEvent(e: QmpEvent): void {
    this.hotplug.onEvent(e);
    switch (e.event) {
      case 'SHUTDOWN':
        // The guest powered itself off (poweroff, or its answer to the ACPI power button).
        if (e.data?.guest === true) this.guestShutdown = true;
        break;
      case 'GUEST_PANICKED':
        this.crashReason = 'the guest kernel panicked';
        break;
      case 'RESET':
        if (this.gone) break;
        this.currentState = 'booting';
        this.tail = '';
        this.bootStartedAt = Date.now();
        this.emit('reboot');
        break;
    }
  }

  private async onExit(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    const wasDestroyed = this.currentState === 'destroyed';
    this.qmp?.close();
    this.serial?.destroy();
    await this.cleanup();
    if (wasDestroyed) return;
    if (this.crashReason || !(this.guestShutdown || this.plugPulled)) {
      this.fail(
        this.crashReason ?? `QEMU exited unexpectedly (${signal ?? `code ${code}`}) ${this.stderrTail.trim()}`.trim(),
      );
      return;
    }
    this.currentState = 'off';
    this.closeConsoles();
    this.emit('poweroff');
  }

  /** The machine is gone without powering off: `crashed` (the VMI fails). */
  private fail(reason: string): void {
    if (this.gone) return;
    this.currentState = 'off';
    this.child?.kill('SIGKILL');
    this.closeConsoles();
    this.deps.log(`guest ${this.name}: ${reason}`);
    this.emit('crashed', reason);
  }

  private async cleanup(): Promise<void> {
    if (this.paths) await rm(this.paths.dir, { recursive: true, force: true }).catch(() => undefined);
  }

  private closeConsoles(): void {
    for (const channel of [...this.channels]) channel.end(GUEST_GONE_CLOSE_REASON);
    this.channels.clear();
    this.sessions.closeAll();
  }
}
