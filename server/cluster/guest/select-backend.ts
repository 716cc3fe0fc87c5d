/**
 * `--guests simulated|qemu|auto`: which backend runs the guests behind Running VMIs.
 * auto (the command-line default) picks qemu when qemu-system-x86_64 is on PATH, the guest image
 * is built, the cluster runs in real time (`--speed 1`: real guests cannot be sped up) and the
 * seed is not a `scale:N` load test, else the simulated guests. The library default (startCluster without `guests`) stays simulated.
 */
import { SimulatedGuestBackend } from './simulated/simulated-backend.js';
import type { GuestBackend } from './types.js';
import { qemuAvailability } from './qemu/guest-image.js';
import { QemuGuestBackend } from './qemu/qemu-backend.js';

export type GuestsMode = 'simulated' | 'qemu' | 'auto';

export const GUESTS_MODES: readonly GuestsMode[] = ['simulated', 'qemu', 'auto'];

export interface GuestBackendChoice {
  backend: GuestBackend;
  /** One line for the start-up log: which backend and why. */
  description: string;
}

export interface SelectOptions {
  mode: GuestsMode;
  speed: number;
  /** The cluster's seed: auto keeps simulated guests for `scale:N` (thousands of VMs, load tests). */
  seed?: string;
  maxGuests?: number;
  log?: (msg: string) => void;
  env?: NodeJS.ProcessEnv;
}

export function isGuestsMode(value: string): value is GuestsMode {
  return (GUESTS_MODES as readonly string[]).includes(value);
}

export function selectGuestBackend(opts: SelectOptions): GuestBackendChoice {
  const simulated = (why: string): GuestBackendChoice => ({
    backend: new SimulatedGuestBackend({ speed: opts.speed }),
    description: `guests: simulated (${why})`,
  });
  if (opts.mode === 'simulated') return simulated('--guests simulated');
  const found = qemuAvailability(opts.env);
  if (!found.qemu || !found.image) {
    if (opts.mode === 'qemu') throw new Error(`--guests qemu: ${found.missing}`);
    return simulated(`real guests need: ${found.missing}`);
  }
  if (opts.mode === 'auto' && opts.speed !== 1)
    return simulated(`--speed ${opts.speed}: real guests run in real time; --guests qemu to use them`);
  if (opts.mode === 'auto' && opts.seed?.startsWith('scale:'))
    return simulated(`--seed ${opts.seed} is a load test; --guests qemu to use real guests`);
  const log = opts.log ?? (() => undefined);
  const backend = new QemuGuestBackend({
    qemu: found.qemu,
    image: found.image,
    maxGuests: opts.maxGuests,
    speed: opts.speed,
    log,
    env: opts.env,
  });
  backend.accel.then(
    (d) => log(`guests: ${d.accel === 'kvm' ? 'KVM' : 'TCG software emulation'} (${d.reason})`),
    () => undefined,
  );
  const { maxMemoryMiB, maxCpus } = backend.limits;
  return {
    backend,
    description: `guests: qemu, real VMs (${found.qemu}, kernel ${found.image.kernelVersion}; up to ${backend.maxGuests} at once, ≤ ${maxMemoryMiB} MiB and ${maxCpus} vCPU each)`,
  };
}
