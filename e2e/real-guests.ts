import { qemuAvailability } from '../server/cluster/guest/qemu/guest-image.js';

/**
 * Real QEMU guests for the e2e suite: the config starts a second server with `--guests qemu`
 * when QEMU and the built guest (npm run guest:build) are on this machine and the suite runs
 * against the embedded cluster (no BASE_URL).
 */
const availability = qemuAvailability();

/** Why the real-guest server cannot run here (undefined when it can). */
export const realGuestsMissing: string | undefined = process.env.BASE_URL
  ? 'BASE_URL is set: real QEMU guests need the embedded cluster this config starts'
  : process.env.E2E_BACKEND === 'kube-apiserver'
    ? 'real QEMU guests run on a second, embedded server (--guests qemu) that only the embedded tier starts; the real kube-apiserver tier attaches simulated guests'
    : availability.missing;

export const realGuestsPort = Number(process.env.E2E_QEMU_PORT ?? 8190);
export const realGuestsBaseURL = `http://127.0.0.1:${realGuestsPort}`;
