import { SimulatedGuest } from './simulated-guest.js';
import type { GuestBackend, GuestOptions } from '../types.js';
import { SshNetwork } from './ssh.js';

export interface SimulatedBackendOptions {
  /** Time scale for every guest (1 = real time); a guest's own `speed` wins. */
  speed?: number;
  /** Show software emulation (no KVM) in the boot logs. */
  emulation?: boolean;
}

/** The default guest backend: in-process simulated guests. */
export class SimulatedGuestBackend implements GuestBackend {
  readonly kind = 'simulated' as const;
  /** The guests reach each other by `ssh`. */
  private readonly network = new SshNetwork();

  constructor(private readonly defaults: SimulatedBackendOptions = {}) {}

  create(options: GuestOptions): SimulatedGuest {
    return new SimulatedGuest(
      {
        ...options,
        speed: options.speed ?? this.defaults.speed,
        emulation: options.emulation ?? this.defaults.emulation,
      },
      this.network,
    );
  }
}
