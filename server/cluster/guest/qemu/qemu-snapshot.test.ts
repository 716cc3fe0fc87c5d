/**
 * Real guests' disks follow snapshots and restores (`--guests qemu`): a VM whose root disk is a
 * DataVolume gets its volume's disk image as a virtio disk (blank at first: the guest formats it
 * and mounts it on the user's home), an online snapshot copies that image, and after a restore the
 * guest boots with the snapshot's content: a file written before the snapshot is there, one
 * written after it is gone. Skipped without QEMU or the built guest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../index.js';
import { Api, subPath, vmPath, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import { SerialClient } from '../../../../test/support/cluster/serial-client.js';
import { diskVm, SNAP, vmRestore, vmSnapshot, waitStatus } from '../../../../test/support/cluster/snapshots.js';
import { qemuAvailability } from './guest-image.js';

const found = qemuAvailability();
const skip = !found.qemu || !found.image;

/** A TCG boot on a busy 2-core machine can take a while. */
const BOOT_MS = 150_000;
const NS = 'real-disks';

let cluster: RunningCluster;
let api: Api;

/** Logs in on the VM's serial console and runs `commands`, returning each one's output. */
async function inGuest(vm: string, commands: string[]): Promise<string[]> {
  const serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', vm, 'console')), {
    timeoutMs: 60_000,
  });
  try {
    await serial.login('fedora', 's3cret');
    const out: string[] = [];
    for (const c of commands) out.push(await serial.run(c));
    serial.type('exit\r');
    return out;
  } finally {
    serial.close();
  }
}

describe.skipIf(skip)(skip ? `real guest disks (skipped: ${found.missing})` : 'real guest disks (QEMU)', () => {
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, seed: 'none', guests: 'qemu', log: () => undefined });
    api = new Api(cluster.url);
    await api.createNamespace(NS);
  }, 30_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it(
    'the DataVolume disk holds the home directory; a restored snapshot brings back its files',
    async () => {
      expect((await api.req('POST', vmPath(NS), diskVm('db', 'csi-hostpath'))).status).toBe(201);
      await waitPrintable(api, NS, 'db', 'Running', BOOT_MS);
      const [blocks, written] = await inGuest('db', ['lsblk', 'echo kept > kept.txt && sync && cat kept.txt']);
      // The disk's serial is its name in the VMI; it is mounted on the user's home.
      expect(blocks).toMatch(/^vda\s+1G\s+0\s+disk\s+root\s+\/home\/fedora$/m);
      expect(written.trim()).toBe('kept');

      // An online snapshot: the disk image as it is now.
      expect((await api.req('POST', `${SNAP}/${NS}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'))).status).toBe(201);
      await waitStatus(api, `${SNAP}/${NS}/virtualmachinesnapshots/s1`, (s) => s.readyToUse === true, 'snapshot ready');
      await inGuest('db', ['echo after > gone.txt && sync']);

      expect((await api.req('PUT', subPath(NS, 'virtualmachines', 'db', 'stop'), {})).status).toBe(202);
      await waitPrintable(api, NS, 'db', 'Stopped', BOOT_MS);
      expect((await api.req('POST', `${SNAP}/${NS}/virtualmachinerestores`, vmRestore('r1', 's1', 'db'))).status).toBe(
        201,
      );
      await waitStatus(api, `${SNAP}/${NS}/virtualmachinerestores/r1`, (s) => s.complete === true, 'restore complete');

      expect((await api.req('PUT', subPath(NS, 'virtualmachines', 'db', 'start'), {})).status).toBe(202);
      await waitPrintable(api, NS, 'db', 'Running', BOOT_MS);
      const [listing] = await inGuest('db', ['ls']);
      expect(listing.split(/\s+/)).toContain('kept.txt');
      expect(listing.split(/\s+/)).not.toContain('gone.txt');
    },
    4 * BOOT_MS,
  );
});
