/** The QEMU backend's stand-ins: no QEMU is started, so these run everywhere. */
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../index.js';
import { Api, events, vmPath, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import type { SimulatedGuest } from '../simulated/simulated-guest.js';
import { QemuGuestBackend, StandInGuest } from './qemu-backend.js';

const image = {
  dir: '/nonexistent',
  kernel: '/nonexistent/vmlinuz',
  initramfs: '/nonexistent/initramfs.cpio.gz',
  kernelVersion: 'test',
};
const tcg = Promise.resolve({ accel: 'tcg' as const, reason: 'test' });

describe('QemuGuestBackend stand-ins', () => {
  const guests: SimulatedGuest[] = [];
  afterEach(() => guests.splice(0).forEach((g) => g.destroy()));

  it('beyond --max-guests, a simulated guest with a Warning notice', () => {
    const backend = new QemuGuestBackend({ qemu: '/bin/false', image, maxGuests: 0, accel: tcg, speed: 1000 });
    const guest = backend.create({ name: 'vm', hostname: 'vm', osName: 'fedora' });
    expect(guest).toBeInstanceOf(StandInGuest);
    guests.push(guest as SimulatedGuest);
    expect(guest.notice).toEqual({
      type: 'Warning',
      reason: 'SimulatedGuest',
      message: '0 QEMU guests are running (--max-guests): this VMI runs a simulated guest.',
    });
    expect(backend.running).toBe(0);
  });

  it('a Windows VMI gets a simulated Windows guest: the real guest is Linux', () => {
    const backend = new QemuGuestBackend({ qemu: '/bin/false', image, maxGuests: 4, accel: tcg, speed: 1000 });
    const guest = backend.create({ name: 'win', hostname: 'win', osName: 'windows' });
    if (!(guest instanceof StandInGuest)) throw new Error('expected a stand-in');
    guests.push(guest);
    expect(guest.profile.os).toBe('windows');
    expect(guest.notice?.type).toBe('Normal');
  });
});

describe('stand-ins through the cluster', () => {
  let cluster: RunningCluster | undefined;
  afterEach(async () => cluster?.close());

  it('virt-handler records the notice as an event and the VM runs', async () => {
    const backend = new QemuGuestBackend({ qemu: '/bin/false', image, maxGuests: 0, accel: tcg, speed: 100 });
    cluster = await startCluster({ port: 0, seed: 'none', speed: 100, guests: backend, log: () => undefined });
    const api = new Api(cluster.url);
    await api.req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'standin' } });
    const r = await api.req('POST', vmPath('standin'), {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'vm1', namespace: 'standin' },
      spec: {
        runStrategy: 'Always',
        template: {
          spec: {
            domain: { devices: {}, memory: { guest: '128Mi' } },
            volumes: [{ name: 'root', containerDisk: { image: 'quay.io/kubevirt/cirros-container-disk-demo' } }],
          },
        },
      },
    });
    expect(r.status).toBe(201);
    await waitPrintable(api, 'standin', 'vm1', 'Running');
    const list = await events(api, 'standin', 'vm1');
    expect(list).toContainEqual(
      expect.objectContaining({
        type: 'Warning',
        reason: 'SimulatedGuest',
        message: '0 QEMU guests are running (--max-guests): this VMI runs a simulated guest.',
      }),
    );
  });
});
