/**
 * The simulated shell's view of the VMI's disks: `lsblk` (util-linux's default columns) and
 * `/proc/partitions`. virtio disks are major 252, SCSI/SATA disks 8, CD-ROMs 11, as on Linux.
 */
import type { GuestDisk } from '../types.js';

/** lsblk's human size: 1024-based with one decimal below 10 ("512M", "1.5G", "10G"). */
export function lsblkSize(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const text = v < 10 && !Number.isInteger(v) ? v.toFixed(1) : String(Math.round(v));
  return `${text}${units[i]}`;
}

function majorMinor(disk: GuestDisk, index: number): string {
  if (disk.type === 'rom') return `11:${index}`;
  const letter = disk.name.charCodeAt(2) - 97;
  if (disk.name.startsWith('sd')) return `8:${Math.max(0, letter) * 16}`;
  return `252:${Math.max(0, letter) * 16}`;
}

export function lsblkOutput(disks: readonly GuestDisk[]): string {
  const rows = disks.map((d, i) => [
    d.name,
    majorMinor(d, i),
    d.type === 'rom' ? '1' : '0',
    lsblkSize(d.sizeBytes),
    d.readOnly || d.type === 'rom' ? '1' : '0',
    d.type ?? 'disk',
    d.mountpoint ?? '',
  ]);
  const header = ['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', 'MOUNTPOINTS'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const right = new Set([2, 3, 4]);
  return all
    .map((r) =>
      r
        .map((cell, c) =>
          c === r.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]),
        )
        .join(' ')
        .trimEnd(),
    )
    .join('\n');
}

export function procPartitions(disks: readonly GuestDisk[]): string {
  const lines = disks.map((d, i) => {
    const [major, minor] = majorMinor(d, i).split(':');
    return `${major.padStart(4)} ${minor.padStart(7)} ${String(Math.floor(d.sizeBytes / 1024)).padStart(10)} ${d.name}`;
  });
  return ['major minor  #blocks  name', '', ...lines].join('\n');
}

/** /proc/meminfo's first lines for a guest with `bytes` of memory. */
export function procMeminfo(bytes: number): string {
  const kib = Math.round(bytes / 1024);
  const free = Math.round(kib * 0.82);
  const row = (k: string, v: number) => `${`${k}:`.padEnd(16)}${String(v).padStart(8)} kB`;
  return [
    row('MemTotal', kib),
    row('MemFree', free),
    row('MemAvailable', free),
    row('Buffers', 0),
    row('Cached', 0),
  ].join('\n');
}
