/**
 * The QMP sequence of a disk hot-plug (what libvirt sends for virt-launcher's AttachDeviceFlags and
 * DetachDeviceFlags): blockdev-add then device_add of a virtio disk on a free root port or a SCSI disk on
 * the virtio-scsi controller; device_del, and blockdev-del once QEMU reports DEVICE_DELETED.
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
      { name: 'vdb', sizeBytes: 2 ** 30, path: '/v/disk.img', format: 'raw', disk: 'data', bus: 'virtio' },
    ]);
    await flush();
    expect(calls).toEqual([
      [
        'blockdev-add',
        {
          'node-name': 'hpnode-vdb',
          driver: 'raw',
          'read-only': false,
          file: { driver: 'file', filename: '/v/disk.img' },
        },
      ],
      ['device_add', { driver: 'virtio-blk-pci', id: 'hpdev-vdb', drive: 'hpnode-vdb', bus: 'hp0', serial: 'data' }],
    ]);
    const plugged = {
      name: 'vdb',
      sizeBytes: 2 ** 30,
      path: '/v/disk.img',
      format: 'raw',
      disk: 'data',
      bus: 'virtio',
    } as const;
    hp.sync([plugged]);
    await flush();
    expect(calls).toHaveLength(2);
    hp.sync([{ name: 'vda', sizeBytes: 1 }]);
    await flush();
    expect(calls[2]).toEqual(['device_del', { id: 'hpdev-vdb' }]);
    hp.onEvent({ event: 'DEVICE_DELETED', data: { device: 'hpdev-vdb' } });
    await flush();
    expect(calls[3]).toEqual(['blockdev-del', { 'node-name': 'hpnode-vdb' }]);
    expect(hotplugPortArgs()).toContain('pcie-root-port,id=hp0,chassis=1');
  });

  it('plugs SCSI disks as scsi-hd units of the virtio-scsi controller, the next free unit each', async () => {
    const calls: [string, Record<string, unknown> | undefined][] = [];
    const hp = new QemuHotplug(() => (command, args) => {
      calls.push([command, args]);
      return Promise.resolve({});
    });
    const sda = { name: 'sda', sizeBytes: 1, path: '/v/a.img', format: 'raw', disk: 'data', bus: 'scsi' } as const;
    const sdb = {
      name: 'sdb',
      sizeBytes: 1,
      path: '/v/b.img',
      format: 'qcow2',
      disk: 'logs',
      serial: 'L1',
      bus: 'scsi',
    } as const;
    hp.sync([sda, sdb]);
    await flush();
    const devices = calls.filter(([c]) => c === 'device_add').map(([, a]) => a);
    expect(devices).toEqual([
      {
        driver: 'scsi-hd',
        bus: 'scsi0.0',
        channel: 0,
        'scsi-id': 0,
        lun: 0,
        id: 'hpdev-sda',
        drive: 'hpnode-sda',
        serial: 'data',
      },
      {
        driver: 'scsi-hd',
        bus: 'scsi0.0',
        channel: 0,
        'scsi-id': 0,
        lun: 1,
        id: 'hpdev-sdb',
        drive: 'hpnode-sdb',
        serial: 'L1',
      },
    ]);
    expect(hotplugPortArgs().join(' ')).toContain('virtio-scsi-pci-non-transitional,id=scsi0');
    // sda goes; a new disk takes its unit
    hp.sync([sdb]);
    hp.sync([sdb, { ...sda, name: 'sdc', disk: 'more' }]);
    await flush();
    expect(calls.at(-1)).toEqual([
      'device_add',
      {
        driver: 'scsi-hd',
        bus: 'scsi0.0',
        channel: 0,
        'scsi-id': 0,
        lun: 0,
        id: 'hpdev-sdc',
        drive: 'hpnode-sdc',
        serial: 'more',
      },
    ]);
  });

  it('tries a refused plug again on the next sync, and frees the block node of a refused device', async () => {
    const calls: string[] = [];
    let refuse = true;
    const hp = new QemuHotplug(() => (command) => {
      calls.push(command);
      return refuse && command === 'device_add' ? Promise.reject(new Error('Bus not found')) : Promise.resolve({});
    });
    const disk = { name: 'sda', sizeBytes: 1, path: '/v/a.img', format: 'raw', disk: 'data', bus: 'scsi' } as const;
    hp.sync([disk]);
    await flush();
    expect(calls).toEqual(['blockdev-add', 'device_add', 'blockdev-del']);
    refuse = false;
    hp.sync([disk]);
    await flush();
    expect(calls.slice(3)).toEqual(['blockdev-add', 'device_add']);
  });
});
