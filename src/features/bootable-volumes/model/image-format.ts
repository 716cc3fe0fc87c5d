/**
 * What kind of disk image a file is, from its first bytes, before anything is sent. CDI's upload
 * server takes qcow2, raw (an ISO is raw), VMDK, VDI, VHD and VHDX, plain or gzip/xz-compressed,
 * and converts them to raw; everything else (text, pictures, archives) is refused here with a
 * reason, so no DataVolume is made for it. Pure: tests feed it byte arrays.
 */

export type ImageFormat = 'qcow2' | 'iso' | 'raw' | 'vmdk' | 'vdi' | 'vhd' | 'vhdx' | 'gzip' | 'xz';

export interface DetectedImage {
  ok: true;
  format: ImageFormat;
  /** The disk's size as the guest sees it, when the header says (qcow2, raw, ISO); else undefined. */
  virtualSize?: number;
  /** What the user reads: "qcow2 (version 3), virtual size 1.0 GiB". */
  description: string;
  /** For a compressed file: the format inside it, when its first bytes could be read. */
  inner?: DetectedImage;
}

export interface RefusedImage {
  ok: false;
  reason: string;
}

export type ImageCheck = DetectedImage | RefusedImage;

/** How many bytes of the file detection reads (the ISO 9660 descriptor starts at 32 KiB). */
export const HEADER_BYTES = 64 * 1024;

const ISO_MAGIC_OFFSET = 0x8001;
const SECTOR = 512;

const ascii = (b: Uint8Array, at: number, len: number): string =>
  at + len > b.length ? '' : String.fromCharCode(...b.subarray(at, at + len));

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((v, i) => b[at + i] === v);

function be(b: Uint8Array, at: number, len: 4 | 8): number {
  if (b.length < at + len) return NaN;
  const view = new DataView(b.buffer, b.byteOffset + at, len);
  return len === 4 ? view.getUint32(0) : Number(view.getBigUint64(0));
}

/** "1.5 GiB", "512 MiB", "700 B". */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

function qcow2(b: Uint8Array): ImageCheck {
  const version = be(b, 4, 4);
  if (version !== 2 && version !== 3)
    return { ok: false, reason: `This qcow2 file has version ${version}: CDI reads versions 2 and 3.` };
  const backingOffset = be(b, 8, 8);
  const virtualSize = be(b, 24, 8);
  const crypt = be(b, 32, 4);
  if (backingOffset !== 0) {
    return {
      ok: false,
      reason: 'This qcow2 image has a backing file: CDI refuses it. Flatten it first (qemu-img convert -O qcow2).',
    };
  }
  if (crypt !== 0) return { ok: false, reason: 'This qcow2 image is encrypted: CDI cannot convert it.' };
  if (!(virtualSize > 0)) return { ok: false, reason: 'This qcow2 header gives no virtual size: the file is damaged.' };
  return {
    ok: true,
    format: 'qcow2',
    virtualSize,
    description: `qcow2 (version ${version}), virtual size ${formatBytes(virtualSize)}`,
  };
}

/** Signatures of files that are not disk images, to say what they are. */
const NOT_IMAGES: { name: string; test: (b: Uint8Array) => boolean }[] = [
  { name: 'a PNG picture', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'a JPEG picture', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: 'a GIF picture', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { name: 'a PDF document', test: (b) => ascii(b, 0, 5) === '%PDF-' },
  { name: 'a ZIP archive', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  { name: 'a tar archive', test: (b) => ascii(b, 257, 5) === 'ustar' },
  { name: 'a zstd-compressed file', test: (b) => startsWith(b, [0x28, 0xb5, 0x2f, 0xfd]) },
  { name: 'a bzip2-compressed file', test: (b) => ascii(b, 0, 3) === 'BZh' },
  { name: 'an executable (ELF)', test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
];

/** Whether the bytes look like text: no NUL, and nearly all printable or whitespace. */
function looksLikeText(b: Uint8Array): boolean {
  const sample = b.subarray(0, Math.min(b.length, 8192));
  if (!sample.length) return false;
  let odd = 0;
  for (const c of sample) {
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32) || c === 127) odd++;
  }
  return odd / sample.length < 0.01;
}

/**
 * Detects the format from `header` (the file's first bytes, up to HEADER_BYTES) and the file's
 * whole `size` (undefined for the content of a compressed file, whose size is not known).
 */
export function detectImage(header: Uint8Array, size?: number): ImageCheck {
  if (size === 0 || header.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (ascii(header, 0, 4) === 'QFI\xfb') return qcow2(header);
  if (startsWith(header, [0x1f, 0x8b])) return { ok: true, format: 'gzip', description: 'gzip-compressed image' };
  if (startsWith(header, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) {
    return { ok: true, format: 'xz', description: 'xz-compressed image' };
  }
  if (ascii(header, 0, 4) === 'KDMV') return { ok: true, format: 'vmdk', description: 'VMDK image' };
  if (ascii(header, 0, 8) === 'vhdxfile') return { ok: true, format: 'vhdx', description: 'VHDX image' };
  if (ascii(header, 0, 8) === 'conectix') return { ok: true, format: 'vhd', description: 'VHD image' };
  if (startsWith(header, [0x7f, 0x10, 0xda, 0xbe], 0x40)) return { ok: true, format: 'vdi', description: 'VDI image' };
  if (ascii(header, ISO_MAGIC_OFFSET, 5) === 'CD001') {
    const sized = size === undefined ? '' : `, ${formatBytes(size)}`;
    return { ok: true, format: 'iso', virtualSize: size, description: `ISO 9660 image${sized}` };
  }
  const other = NOT_IMAGES.find((s) => s.test(header));
  if (other)
    return {
      ok: false,
      reason: `This file is ${other.name}, not a disk image (qcow2, raw, ISO, VMDK, VDI, VHD(X), or gzip/xz of one).`,
    };
  if (looksLikeText(header))
    return {
      ok: false,
      reason: 'This file is text, not a disk image (qcow2, raw, ISO, VMDK, VDI, VHD(X), or gzip/xz of one).',
    };
  const boot = header.length >= SECTOR && header[510] === 0x55 && header[511] === 0xaa ? ' with a boot sector' : '';
  if (size === undefined) return { ok: true, format: 'raw', description: `raw disk image${boot}` };
  if (size % SECTOR !== 0) {
    return {
      ok: false,
      reason: `This file is not a known image format, and as a raw disk its size (${size} bytes) is not a whole number of 512-byte sectors.`,
    };
  }
  return { ok: true, format: 'raw', virtualSize: size, description: `raw disk image${boot}, ${formatBytes(size)}` };
}

export const isCompressed = (f: ImageFormat): boolean => f === 'gzip' || f === 'xz';
