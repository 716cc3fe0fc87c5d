import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootDiskOf } from './boot-disk.js';
import { qemuArgs, runPaths } from './qemu-args.js';
import { bootSectorImage } from '../../../../test/support/guest/boot-sector.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kvc-boot-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

describe('boot disks', () => {
  it('finds an MBR boot signature or an El Torito ISO, and nothing in a blank disk', () => {
    expect(bootDiskOf(file('mbr.img', bootSectorImage()), 'raw')).toMatchObject({ cdrom: false, format: 'raw' });
    const iso = Buffer.alloc(0x9000);
    iso[0x8800] = 0;
    iso.write('CD001', 0x8801, 'latin1');
    iso.write('EL TORITO SPECIFICATION', 0x8807, 'latin1');
    expect(bootDiskOf(file('boot.iso', iso), 'raw')).toMatchObject({ cdrom: true });
    expect(bootDiskOf(file('blank.img', Buffer.alloc(4096)), 'raw')).toBeUndefined();
    expect(bootDiskOf(path.join(dir, 'missing.img'), 'raw')).toBeUndefined();
  });

  it("boots the disk with QEMU's firmware instead of the built guest's kernel", () => {
    const spec = {
      name: 'vm',
      accel: 'tcg' as const,
      memoryMiB: 256,
      cpus: 1,
      kernel: '/guest/vmlinuz',
      paths: runPaths('/run/x'),
      graphics: false,
      network: { net: '10.0.2.0/24', gateway: '10.0.2.1', dns: '10.0.2.3' } as never,
      mac: '52:54:00:00:00:01',
    };
    expect(qemuArgs(spec)).toContain('-kernel');
    const args = qemuArgs({ ...spec, bootDisk: { path: '/v/pvc-1/disk.img', format: 'raw', cdrom: false } });
    expect(args).not.toContain('-kernel');
    expect(args).not.toContain('-initrd');
    expect(args).toEqual(
      expect.arrayContaining([
        '-drive',
        'file=/v/pvc-1/disk.img,format=raw,if=virtio,cache=writeback',
        '-boot',
        'order=c',
      ]),
    );
  });
});
