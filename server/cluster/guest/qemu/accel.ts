/**
 * KVM or TCG. /dev/kvm may exist and open yet not run guests (nested virtualization without
 * the CPU features QEMU asks for), so KVM is chosen only after a probe boots the guest kernel
 * under KVM and sees its first console line; the answer is cached for the host's boot.
 * `KVC_QEMU_ACCEL=tcg|kvm` forces a choice; the KubeVirt CR's useEmulation forces TCG per guest.
 */
import { spawn } from 'node:child_process';
import { constants, openSync, closeSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { accelArgs, type Accel } from './qemu-args.js';

export interface AccelDecision {
  accel: Accel;
  reason: string;
}

/** True when /dev/kvm opens read-write. */
export function kvmDeviceUsable(device = '/dev/kvm'): boolean {
  try {
    closeSync(openSync(device, constants.O_RDWR));
    return true;
  } catch {
    return false;
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

/** Boots `kernel` under KVM with only an early serial console; true if it prints within the time. */
export function probeKvm(qemu: string, kernel: string, timeoutMs = 8000): Promise<boolean> {
  return new Promise((resolve) => {
    const args = [
      ...accelArgs('kvm'),
      '-machine',
      'q35',
      '-m',
      '128M',
      '-nodefaults',
      '-no-user-config',
      '-display',
      'none',
      '-no-reboot',
      '-kernel',
      kernel,
      '-append',
      'console=ttyS0 earlyprintk=serial,ttyS0 panic=-1',
      '-serial',
      'stdio',
    ];
    const child = spawn(qemu, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
      if (output.includes('Linux version')) done(true);
    });
    child.on('error', () => done(false));
    child.on('exit', () => done(output.includes('Linux version')));
  });
}

/** Decides KVM or TCG for this host (env override, /dev/kvm, then a cached probe). */
export async function decideAccel(opts: {
  qemu: string;
  kernel: string;
  cacheDir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<AccelDecision> {
  const forced = (opts.env ?? process.env).KVC_QEMU_ACCEL;
  if (forced === 'tcg' || forced === 'kvm') return { accel: forced, reason: `KVC_QEMU_ACCEL=${forced}` };
  if (!kvmDeviceUsable()) return { accel: 'tcg', reason: '/dev/kvm is absent or not accessible' };
  const cacheFile = path.join(opts.cacheDir, 'kvm-probe.json');
  const key = `${bootId()}:${opts.qemu}:${opts.kernel}`;
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key?: string; kvm?: boolean };
    if (cached.key === key && typeof cached.kvm === 'boolean') return verdict(cached.kvm);
  } catch {
    // no cached probe
  }
  const kvm = await probeKvm(opts.qemu, opts.kernel);
  try {
    mkdirSync(opts.cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ key, kvm }) + '\n');
  } catch {
    // the cache is an optimisation
  }
  return verdict(kvm);
}

function verdict(kvm: boolean): AccelDecision {
  return kvm
    ? { accel: 'kvm', reason: '/dev/kvm runs guests' }
    : { accel: 'tcg', reason: '/dev/kvm opens but a KVM guest did not start (nested virtualization?)' };
}
