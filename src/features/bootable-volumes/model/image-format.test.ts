import { describe, expect, it } from 'vitest';
import { detectImage, formatBytes, HEADER_BYTES } from './image-format';

/** A qcow2 header as QEMU writes it (big-endian fields at their spec offsets). */
function qcow2Header(o: { version?: number; size: bigint; backing?: bigint; crypt?: number }): Uint8Array {
  const b = new Uint8Array(HEADER_BYTES);
  const v = new DataView(b.buffer);
  b.set([0x51, 0x46, 0x49, 0xfb]);
  v.setUint32(4, o.version ?? 3);
  v.setBigUint64(8, o.backing ?? 0n);
  v.setUint32(20, 16);
  v.setBigUint64(24, o.size);
  v.setUint32(32, o.crypt ?? 0);
  return b;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('detectImage', () => {
  it('reads a qcow2 header: version and virtual size', () => {
    const r = detectImage(qcow2Header({ size: 5n * 1024n ** 3n }), 200_000);
    expect(r).toEqual({
      ok: true,
      format: 'qcow2',
      virtualSize: 5 * 1024 ** 3,
      description: 'qcow2 (version 3), virtual size 5.0 GiB',
    });
  });

  it('refuses a qcow2 with a backing file, an encrypted one, and an unknown version', () => {
    expect(detectImage(qcow2Header({ size: 1n << 30n, backing: 0x1000n }), 1 << 20)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('backing file'),
    });
    expect(detectImage(qcow2Header({ size: 1n << 30n, crypt: 1 }), 1 << 20)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('encrypted'),
    });
    expect(detectImage(qcow2Header({ size: 1n << 30n, version: 7 }), 1 << 20)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('version 7'),
    });
  });

  it('finds ISO 9660 by CD001 at 0x8001 and takes the file size as the disk size', () => {
    const b = new Uint8Array(HEADER_BYTES);
    b.set(text('CD001'), 0x8001);
    expect(detectImage(b, 2048 * 1000)).toMatchObject({ ok: true, format: 'iso', virtualSize: 2048 * 1000 });
  });

  it('knows gzip and xz by their magic, and VMDK, VHDX, VHD, VDI', () => {
    expect(detectImage(new Uint8Array([0x1f, 0x8b, 8, 0]), 100)).toMatchObject({ ok: true, format: 'gzip' });
    expect(detectImage(new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 0]), 100)).toMatchObject({
      ok: true,
      format: 'xz',
    });
    expect(detectImage(text('KDMV\x01\x00\x00\x00'), 512)).toMatchObject({ format: 'vmdk' });
    expect(detectImage(text('vhdxfile'), 512)).toMatchObject({ format: 'vhdx' });
    expect(detectImage(text('conectix'), 512)).toMatchObject({ format: 'vhd' });
    const vdi = new Uint8Array(512);
    vdi.set([0x7f, 0x10, 0xda, 0xbe], 0x40);
    expect(detectImage(vdi, 512)).toMatchObject({ format: 'vdi' });
  });

  it('takes a sector-aligned binary file as raw, noting a boot sector', () => {
    const b = new Uint8Array(HEADER_BYTES);
    b[0] = 0xeb;
    b[510] = 0x55;
    b[511] = 0xaa;
    expect(detectImage(b, 1 << 20)).toEqual({
      ok: true,
      format: 'raw',
      virtualSize: 1 << 20,
      description: 'raw disk image with a boot sector, 1.0 MiB',
    });
  });

  it('refuses text, pictures, archives, an empty file and an unaligned binary, saying why', () => {
    expect(detectImage(text('#cloud-config\nuser: fedora\n'), 27)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('text'),
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(detectImage(png, 4096)).toMatchObject({ ok: false, reason: expect.stringContaining('PNG picture') });
    expect(detectImage(text('PK\x03\x04'), 4096)).toMatchObject({ ok: false, reason: expect.stringContaining('ZIP') });
    expect(detectImage(new Uint8Array(), 0)).toEqual({ ok: false, reason: 'The file is empty.' });
    expect(detectImage(new Uint8Array([0, 1, 2, 0]), 1001)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('512-byte sectors'),
    });
  });

  it('describes the content of a compressed file without a size', () => {
    expect(detectImage(new Uint8Array(1024))).toEqual({ ok: true, format: 'raw', description: 'raw disk image' });
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(700)).toBe('700 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
  });
});
