/**
 * A VMI whose first disk is a PVC holding a bootable image (an uploaded one: cdi/volumes.ts)
 * boots that image under QEMU's firmware, as KubeVirt boots the disk, instead of the built
 * guest's kernel: a raw disk with an MBR boot signature, an ISO with an El Torito boot record,
 * or a qcow2 (kept as qcow2 where qemu-img was missing).
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface BootDisk {
  path: string;
  format: 'raw' | 'qcow2';
  /** An ISO: attached as a CD-ROM. */
  cdrom: boolean;
}

function readAt(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, offset);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The disk to boot, when `file` is a bootable image; undefined otherwise. */
export function bootDiskOf(file: string, format: 'raw' | 'qcow2'): BootDisk | undefined {
  if (format === 'qcow2') return { path: file, format, cdrom: false };
  try {
    // ISO 9660: the boot record volume descriptor (sector 17) names El Torito.
    const iso = readAt(file, 0x8800, 0x27);
    if (
      iso[0] === 0 &&
      iso.subarray(1, 6).toString('latin1') === 'CD001' &&
      iso.subarray(7).toString('latin1').startsWith('EL TORITO')
    )
      return { path: file, format, cdrom: true };
    const mbr = readAt(file, 510, 2);
    if (mbr.length === 2 && mbr[0] === 0x55 && mbr[1] === 0xaa) return { path: file, format, cdrom: false };
  } catch {
    return undefined;
  }
  return undefined;
}
