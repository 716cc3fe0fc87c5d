/**
 * What an uploaded stream is, from its first bytes (as CDI's importer sniffs headers before it
 * hands the data to qemu-img): gzip and xz wrappers, qcow2 (with its virtual size from the
 * header), an ISO 9660 image, or anything else taken as raw.
 */
import { open } from 'node:fs/promises';

export type Compression = 'gz' | 'xz' | 'none';
export type ImageKind = 'qcow2' | 'iso' | 'raw';

const GZIP = Buffer.from([0x1f, 0x8b]);
const XZ = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const QCOW2 = Buffer.from([0x51, 0x46, 0x49, 0xfb]);
const ISO_OFFSET = 0x8001;

export function compressionOf(head: Buffer): Compression {
  if (head.subarray(0, 2).equals(GZIP)) return 'gz';
  if (head.subarray(0, 6).equals(XZ)) return 'xz';
  return 'none';
}

export interface ImageHeader {
  kind: ImageKind;
  /** The qcow2 header's virtual size; undefined for raw and ISO (their size is the file's). */
  virtualSize?: number;
  /** Why the header is not a usable image (a qcow2 magic with a broken header). */
  invalid?: string;
}

/** Reads the header of a (decompressed) image file. */
export async function readImageHeader(file: string): Promise<ImageHeader> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(ISO_OFFSET + 5);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return imageHeader(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export function imageHeader(head: Buffer): ImageHeader {
  if (head.length >= 4 && head.subarray(0, 4).equals(QCOW2)) {
    if (head.length < 32) return { kind: 'qcow2', invalid: 'the qcow2 header is truncated' };
    const version = head.readUInt32BE(4);
    if (version !== 2 && version !== 3) return { kind: 'qcow2', invalid: `unsupported qcow2 version ${version}` };
    const size = head.readBigUInt64BE(24);
    if (size > BigInt(Number.MAX_SAFE_INTEGER))
      return { kind: 'qcow2', invalid: 'the qcow2 virtual size is too large' };
    return { kind: 'qcow2', virtualSize: Number(size) };
  }
  if (head.length >= ISO_OFFSET + 5 && head.subarray(ISO_OFFSET, ISO_OFFSET + 5).toString('latin1') === 'CD001')
    return { kind: 'iso' };
  return { kind: 'raw' };
}
