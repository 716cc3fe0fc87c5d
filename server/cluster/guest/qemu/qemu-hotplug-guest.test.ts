/**
 * Disk hot-plug into a real guest (`--guests qemu`, issue 23): a PVC added to a running VM with
 * virt-api's addvolume reaches the running QEMU and the guest's `lsblk` lists it (its serial is the
 * volume's name); removevolume takes it away again. Skipped without QEMU or the built guest. Takes
 * minutes under TCG: run it alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../index.js';
import { Api, subPath, vmiPath, vmPath, waitFor, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import { SerialClient } from '../../../../test/support/cluster/serial-client.js';
import { cloudConfig, virtioRootDisk, vmManifest } from '../../../../test/support/cluster/vm-manifest.js';
import { qemuAvailability } from './guest-image.js';

const found = qemuAvailability();
const skip = !found.qemu || !found.image;

/** A TCG boot on a busy 2-core machine can take a while. */
const BOOT_MS = 150_000;
const NS = 'real-hotplug';

let cluster: RunningCluster;
let api: Api;

interface VolumeStatus {
  name: string;
  phase?: string;
  target?: string;
}

async function volumeStatus(name: string, volume: string): Promise<VolumeStatus | undefined> {
  const vmi = await api.get(vmiPath(NS, name));
  return ((vmi.status as { volumeStatus?: VolumeStatus[] })?.volumeStatus ?? []).find((v) => v.name === volume);
}

async function pvc(name: string, size: string): Promise<void> {
  const r = await api.req('POST', `/api/v1/namespaces/${NS}/persistentvolumeclaims`, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

/** `lsblk` until `test` holds for its output (the guest sees a plug or an unplug a moment after QEMU). */
async function lsblkUntil(serial: SerialClient, what: string, test: (out: string) => boolean): Promise<string> {
  let last = '';
  await waitFor(
    what,
    async () => {
      last = await serial.run('lsblk');
      return test(last);
    },
    60_000,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}; last lsblk:\n${last}`);
  });
  return last;
}

describe.skipIf(skip)(skip ? `real guest hot-plug (skipped: ${found.missing})` : 'real guest hot-plug (QEMU)', () => {
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, seed: 'none', guests: 'qemu', log: () => undefined });
    api = new Api(cluster.url);
    await api.createNamespace(NS);
  }, 30_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it(
    'a hot-plugged PVC shows in the guest on the bus the disk asks for, and goes when removed',
    async () => {
      await pvc('data', '2Gi');
      await pvc('fast', '1Gi');
      const vm = vmManifest('hp', {
        namespace: NS,
        devices: virtioRootDisk,
        userData: cloudConfig('fedora', 'fedora'),
      });
      expect((await api.req('POST', vmPath(NS), vm)).status).toBe(201);
      await waitPrintable(api, NS, 'hp', 'Running', BOOT_MS);
      const serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', 'hp', 'console')), {
        timeoutMs: 60_000,
      });
      try {
        await serial.login('fedora', 'fedora');
        expect(await serial.run('lsblk')).not.toMatch(/\bdata\b|\bfast\b/);

        // As the console and virtctl add one: a SCSI disk (KubeVirt's hot-plug bus), then a virtio one.
        for (const [name, bus] of [
          ['data', 'scsi'],
          ['fast', 'virtio'],
        ] as const) {
          const add = await api.req('PUT', subPath(NS, 'virtualmachines', 'hp', 'addvolume'), {
            name,
            disk: { disk: { bus } },
            volumeSource: { persistentVolumeClaim: { claimName: name } },
          });
          expect(add.status, JSON.stringify(add.json)).toBe(202);
          await waitFor(`${name} Ready`, async () => (await volumeStatus('hp', name))?.phase === 'Ready', BOOT_MS);
        }
        const data = await volumeStatus('hp', 'data');
        const fast = await volumeStatus('hp', 'fast');
        expect(data?.target).toMatch(/^sd[a-z]$/);
        expect(fast?.target).toMatch(/^vd[a-z]$/);
        // The guest sees each disk with its size and its serial (the volume's name): the SCSI one as a
        // SCSI disk (sdX, as the VMI's target says), the virtio one as a virtio disk (vdX; libvirt's
        // target name is not the guest's for virtio, the guest numbers its own virtio disks).
        const both = await lsblkUntil(
          serial,
          'the guest sees both disks',
          (out) => /\bdata\b/.test(out) && /\bfast\b/.test(out),
        );
        expect(both).toMatch(new RegExp(`^${data!.target}\\s+2G\\s+0\\s+disk\\s+data\\s*$`, 'm'));
        expect(both).toMatch(/^vd[a-z]\s+1G\s+0\s+disk\s+fast\s*$/m);

        for (const name of ['data', 'fast']) {
          const remove = await api.req('PUT', subPath(NS, 'virtualmachines', 'hp', 'removevolume'), { name });
          expect(remove.status).toBe(202);
        }
        await waitFor(
          'the volume statuses gone',
          async () => !(await volumeStatus('hp', 'data')) && !(await volumeStatus('hp', 'fast')),
          60_000,
        );
        await lsblkUntil(serial, 'the guest lets both go', (out) => !/\bdata\b/.test(out) && !/\bfast\b/.test(out));
      } finally {
        serial.close();
      }
    },
    4 * BOOT_MS,
  );
});
