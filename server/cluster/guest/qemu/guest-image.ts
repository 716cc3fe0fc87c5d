/**
 * Where the built guest lives (`npm run guest:build`) and where QEMU is: the QEMU backend is
 * available when both are there.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const QEMU_BINARY = 'qemu-system-x86_64';

export interface GuestImage {
  dir: string;
  kernel: string;
  initramfs: string;
  /** Kernel version the image was built from (manifest.json). */
  kernelVersion: string;
}

/** $KVC_GUEST_DIR, else $XDG_CACHE_HOME/kubevirt-console/guest, else ~/.cache/kubevirt-console/guest. */
export function guestImageDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KVC_GUEST_DIR) return env.KVC_GUEST_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'kubevirt-console', 'guest');
}

/** The built guest, or undefined when `npm run guest:build` has not run. */
export function findGuestImage(dir: string = guestImageDir()): GuestImage | undefined {
  const kernel = path.join(dir, 'vmlinuz');
  const initramfs = path.join(dir, 'initramfs.cpio.gz');
  if (!existsSync(kernel) || !existsSync(initramfs)) return undefined;
  let kernelVersion = 'unknown';
  try {
    kernelVersion =
      (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { kernel?: string }).kernel ??
      kernelVersion;
  } catch {
    // an image without a manifest still boots
  }
  return { dir, kernel, initramfs, kernelVersion };
}

/** Absolute path of an executable on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface QemuAvailability {
  qemu?: string;
  image?: GuestImage;
  /** Why the QEMU backend cannot run (undefined when it can). */
  missing?: string;
}

export function qemuAvailability(env: NodeJS.ProcessEnv = process.env): QemuAvailability {
  const qemu = findOnPath(QEMU_BINARY, env);
  const image = findGuestImage(guestImageDir(env));
  const missing = [
    qemu ? undefined : `${QEMU_BINARY} is not on PATH (Debian: apt-get install qemu-system-x86)`,
    image ? undefined : `the guest image is not built in ${guestImageDir(env)} (npm run guest:build)`,
  ].filter(Boolean);
  return { qemu, image, missing: missing.length ? missing.join('; ') : undefined };
}
