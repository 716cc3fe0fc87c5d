/**
 * The QEMU guest backend: each guest is a real qemu-system-x86_64 process (see qemu-guest.ts).
 * At most `maxGuests` run at once; beyond that, and for Windows VMIs (the tiny guest is Linux),
 * a simulated guest runs instead and carries a notice that virt-handler records as an event.
 */
import { readFile } from 'node:fs/promises';
import { cpus, freemem, tmpdir } from 'node:os';
import { SimulatedGuest } from '../simulated/simulated-guest.js';
import type { Guest, GuestBackend, GuestNotice, GuestOptions } from '../types.js';
import { decideAccel, type AccelDecision } from './accel.js';
import type { GuestImage } from './guest-image.js';
import { DEFAULT_LIMITS, type SizeLimits } from './qemu-args.js';
import { QemuGuest } from './qemu-guest.js';

export interface QemuBackendOptions {
  qemu: string;
  image: GuestImage;
  /** Most QEMU guests at once (default {@link defaultMaxGuests}). */
  maxGuests?: number;
  limits?: Partial<Omit<SizeLimits, 'hostCpus'>>;
  /** Time scale of the simulated guests that stand in beyond the limit. */
  speed?: number;
  /** Decided KVM or TCG (default: {@link decideAccel} for this host). */
  accel?: Promise<AccelDecision>;
  runRoot?: string;
  log?: (msg: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Guests that fit in free memory (leaving 1 GiB), at most 8 per CPU. */
export function defaultMaxGuests(freeBytes: number, hostCpus: number, guestMemoryMiB: number): number {
  const perGuest = (guestMemoryMiB + 64) * 2 ** 20;
  const byMemory = Math.floor((freeBytes - 2 ** 30) / perGuest);
  return Math.max(1, Math.min(byMemory, 8 * Math.max(1, hostCpus)));
}

/** A simulated guest standing in for a real one; virt-handler records its notice as an event. */
export class StandInGuest extends SimulatedGuest {
  constructor(
    options: GuestOptions,
    readonly notice: GuestNotice,
  ) {
    super(options);
  }
}

export class QemuGuestBackend implements GuestBackend {
  readonly kind = 'qemu' as const;
  readonly accel: Promise<AccelDecision>;
  readonly maxGuests: number;
  readonly limits: SizeLimits;
  private readonly live = new Set<QemuGuest>();
  private initramfs?: Promise<Buffer>;

  constructor(private readonly opts: QemuBackendOptions) {
    const hostCpus = cpus().length;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits, hostCpus };
    this.maxGuests = opts.maxGuests ?? defaultMaxGuests(freemem(), hostCpus, this.limits.maxMemoryMiB);
    this.accel =
      opts.accel ??
      decideAccel({ qemu: opts.qemu, kernel: opts.image.kernel, cacheDir: opts.image.dir, env: opts.env });
  }

  /** QEMU guests running now. */
  get running(): number {
    return this.live.size;
  }

  create(options: GuestOptions): Guest {
    if (options.osName === 'windows') {
      return this.standIn(
        options,
        'Normal',
        'The real guest is a small Linux: this Windows VMI runs a simulated guest.',
      );
    }
    if (this.live.size >= this.maxGuests) {
      return this.standIn(
        options,
        'Warning',
        `${this.maxGuests} QEMU guests are running (--max-guests): this VMI runs a simulated guest.`,
      );
    }
    const log = this.opts.log ?? (() => undefined);
    const guest = new QemuGuest(options, {
      qemu: this.opts.qemu,
      kernel: this.opts.image.kernel,
      initramfs: () => (this.initramfs ??= readFile(this.opts.image.initramfs)),
      accel: this.accel,
      limits: this.limits,
      runRoot: this.opts.runRoot ?? tmpdir(),
      log,
    });
    this.live.add(guest);
    const forget = () => this.live.delete(guest);
    guest.once('poweroff', forget).once('crashed', forget).once('destroyed', forget);
    guest.once('booted', () =>
      log(
        `guest ${guest.name}: booted in ${((guest.bootMs ?? 0) / 1000).toFixed(1)} s (${guest.accel?.toUpperCase()}, ${guest.size.memoryMiB} MiB, ${guest.size.cpus} vCPU)`,
      ),
    );
    return guest;
  }

  /** Ends every QEMU guest (the cluster is closing). */
  stop(): void {
    for (const guest of [...this.live]) guest.destroy();
  }

  private standIn(options: GuestOptions, type: GuestNotice['type'], message: string): Guest {
    return new StandInGuest(
      { ...options, speed: options.speed ?? this.opts.speed },
      { type, reason: 'SimulatedGuest', message },
    );
  }
}
