/**
 * The QMP sequence of a disk hot-plug (what libvirt sends for virt-launcher's AttachDeviceFlags and
 * DetachDeviceFlags): blockdev-add then device_add on a free root port; device_del, and blockdev-del
 * once QEMU reports DEVICE_DELETED.
 */
import { describe, expect, it } from 'vitest';
import { QemuHotplug, hotplugPortArgs } from './qemu-hotplug.js';

const flush = () => new Promise((r) => setTimeout(r, 10));

describe('QEMU disk hot-plug', () => {
  it('plugs a disk with an image on a free PCIe root port and unplugs it', async () => {
    const calls: [string, Record<string, unknown> | undefined][] = [];
    const hp = new QemuHotplug(() => (command, args) => {
      calls.push([command, args]);
      return Promise.resolve({});
    });
    hp.sync([
      { name: 'vda', sizeBytes: 1 },
      { name: 'sda', sizeBytes: 2 ** 30, path: '/v/disk.img', format: 'raw' },
    ]);
    await flush();
    expect(calls).toEqual([
      [
        'blockdev-add',
        {
          'node-name': 'hpnode-sda',
          driver: 'raw',
          'read-only': false,
          file: { driver: 'file', filename: '/v/disk.img' },
        },
      ],
      ['device_add', { driver: 'virtio-blk-pci', id: 'hpdev-sda', drive: 'hpnode-sda', bus: 'hp0', serial: 'sda' }],
    ]);
    hp.sync([{ name: 'sda', sizeBytes: 2 ** 30, path: '/v/disk.img', format: 'raw' }]);
    await flush();
    expect(calls).toHaveLength(2);
    hp.sync([{ name: 'vda', sizeBytes: 1 }]);
    await flush();
    expect(calls[2]).toEqual(['device_del', { id: 'hpdev-sda' }]);
    hp.onEvent({ event: 'DEVICE_DELETED', data: { device: 'hpdev-sda' } });
    await flush();
    expect(calls[3]).toEqual(['blockdev-del', { 'node-name': 'hpnode-sda' }]);
    expect(hotplugPortArgs()).toContain('pcie-root-port,id=hp0,chassis=1');
  });
});
