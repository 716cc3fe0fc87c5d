/**
 * The qemu-system-x86_64 command line for one guest: size capped to what the machine can give,
 * KVM or TCG, the kernel and initramfs of the built guest, and every console on a unix socket
 * (QMP, the serial line, VNC) in the guest's run directory.
 */
import path from 'node:path';
import { quantityInteger } from '../../apimachinery/quantity.js';
import { hotplugPortArgs } from './qemu-hotplug.js';
import type { DataDisk, GuestOptions } from '../types.js';
import type { GuestNetworkPlan } from './guest-config.js';

export type Accel = 'kvm' | 'tcg';

export interface SizeLimits {
  /** Largest guest memory in MiB (default 512: the tiny guest needs about 64). */
  maxMemoryMiB: number;
  /** Smallest guest memory in MiB (the kernel and initramfs need room). */
  minMemoryMiB: number;
  /** Most vCPUs per guest (default 1). */
  maxCpus: number;
  /** CPUs of this machine: no guest gets more. */
  hostCpus: number;
}

export const DEFAULT_LIMITS: Omit<SizeLimits, 'hostCpus'> = { maxMemoryMiB: 512, minMemoryMiB: 128, maxCpus: 1 };

/** Memory and vCPUs from the VMI spec, capped to the limits. */
export function machineSize(
  options: Pick<GuestOptions, 'memory' | 'cpus'>,
  limits: SizeLimits,
): { memoryMiB: number; cpus: number } {
  const bytes = quantityInteger(options.memory) ?? limits.maxMemoryMiB * 2 ** 20;
  const memoryMiB = Math.max(limits.minMemoryMiB, Math.min(limits.maxMemoryMiB, Math.floor(bytes / 2 ** 20)));
  const cpus = Math.max(1, Math.min(Math.floor(options.cpus ?? 1) || 1, limits.maxCpus, limits.hostCpus));
  return { memoryMiB, cpus };
}

export interface RunPaths {
  dir: string;
  qmp: string;
  serial: string;
  vnc: string;
  initrd: string;
}

export function runPaths(dir: string): RunPaths {
  return {
    dir,
    qmp: path.join(dir, 'qmp.sock'),
    serial: path.join(dir, 'serial.sock'),
    vnc: path.join(dir, 'vnc.sock'),
    initrd: path.join(dir, 'initrd.img'),
  };
}

export interface MachineSpec {
  name: string;
  accel: Accel;
  memoryMiB: number;
  cpus: number;
  kernel: string;
  paths: RunPaths;
  graphics: boolean;
  network: GuestNetworkPlan;
  mac: string;
  /** Boot this disk with the firmware instead of the built guest's kernel (boot-disk.ts). */
  bootDisk?: { path: string; format: 'raw' | 'qcow2'; cdrom: boolean };
  /** The VMI's PVC and DataVolume disks: virtio disks, each with its disk name as the serial. */
  dataDisks?: DataDisk[];
}

/** virtio-blk serials are at most 20 bytes. */
const SERIAL_MAX = 20;

/** One virtio disk per data disk, after the boot disk (so the first is /dev/vda when the kernel boots). */
export function dataDiskArgs(disks: readonly DataDisk[]): string[] {
  return disks.flatMap((d, i) => [
    '-drive',
    `file=${d.path.replace(/,/g, ',,')},format=${d.format},if=none,id=data${i},cache=writeback`,
    '-device',
    `virtio-blk-pci,drive=data${i},serial=${d.name.slice(0, SERIAL_MAX).replace(/,/g, ',,')}`,
  ]);
}

/** The built guest's kernel, or the firmware booting the VMI's disk. */
function bootArgs(m: MachineSpec): string[] {
  if (!m.bootDisk) return ['-kernel', m.kernel, '-initrd', m.paths.initrd, '-append', kernelCommandLine()];
  const file = m.bootDisk.path.replace(/,/g, ',,');
  return m.bootDisk.cdrom
    ? ['-drive', `file=${file},format=raw,media=cdrom,readonly=on`, '-boot', 'order=d']
    : ['-drive', `file=${file},format=${m.bootDisk.format},if=virtio,cache=writeback`, '-boot', 'order=c'];
}

/** Kernel parameters: both consoles (the last one, the serial line, is /dev/console). */
export function kernelCommandLine(): string {
  return 'console=tty1 console=ttyS0,115200n8 panic=10 tsc=reliable no_timer_check';
}

/** QEMU options for the accelerator: the host CPU under KVM, QEMU's default model under TCG. */
export function accelArgs(accel: Accel): string[] {
  return accel === 'kvm' ? ['-accel', 'kvm', '-cpu', 'host'] : ['-accel', 'tcg'];
}

/**
 * Arguments for qemu-system-x86_64. The machine starts stopped (`-S`): the backend connects to
 * the serial line first, so no byte of the boot log is lost, then sends QMP `cont`.
 */
export function qemuArgs(m: MachineSpec): string[] {
  const p = m.paths;
  const n = m.network;
  return [
    '-name',
    `guest=${m.name.replace(/,/g, ',,')}`,
    '-machine',
    'q35',
    ...accelArgs(m.accel),
    '-m',
    `${m.memoryMiB}M`,
    '-smp',
    String(m.cpus),
    '-nodefaults',
    '-no-user-config',
    ...bootArgs(m),
    ...dataDiskArgs(m.dataDisks ?? []),
    // empty PCIe root ports: hot-plugged disks go there
    ...hotplugPortArgs(),
    '-chardev',
    `socket,id=serial0,path=${p.serial},server=on,wait=off`,
    '-serial',
    'chardev:serial0',
    '-qmp',
    `unix:${p.qmp},server=on,wait=off`,
    '-display',
    'none',
    ...(m.graphics ? ['-vga', 'std', '-vnc', `unix:${p.vnc}`] : ['-vga', 'none']),
    // User-mode network, restricted: the guest reaches nothing outside (no host, no internet).
    '-netdev',
    `user,id=net0,restrict=on,ipv6=off,net=${n.net},host=${n.gateway},dns=${n.dns}`,
    '-device',
    `e1000,netdev=net0,mac=${m.mac}`,
    // A guest kernel panic ends QEMU with a failure: the VMI fails, as KubeVirt reports a crash.
    '-device',
    'pvpanic',
    '-action',
    'panic=exit-failure',
    '-S',
  ];
}
