import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectFile } from './inspect-file';

function qcow2(size: bigint): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(4096);
  const v = new DataView(b.buffer);
  b.set([0x51, 0x46, 0x49, 0xfb]);
  v.setUint32(4, 3);
  v.setUint32(20, 16);
  v.setBigUint64(24, size);
  return b;
}

describe('inspectFile', () => {
  it('reads a plain qcow2', async () => {
    expect(await inspectFile(new Blob([qcow2(1n << 30n)]))).toMatchObject({
      ok: true,
      format: 'qcow2',
      virtualSize: 1 << 30,
    });
  });

  it('looks inside a gzip file for the qcow2 and its virtual size', async () => {
    const r = await inspectFile(new Blob([gzipSync(qcow2(3n << 30n))]));
    expect(r).toMatchObject({
      ok: true,
      format: 'gzip',
      virtualSize: 3 * 2 ** 30,
      description: 'gzip-compressed qcow2 (version 3), virtual size 3.0 GiB',
    });
  });

  it('refuses a gzip-compressed text file', async () => {
    const r = await inspectFile(new Blob([gzipSync(Buffer.from('hello world\n'.repeat(100)))]));
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('Inside the gzip file: This file is text') });
  });
});
