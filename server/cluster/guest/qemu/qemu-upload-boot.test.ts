/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON answers of the API under test */
/**
 * A real guest boots an uploaded image (`--guests qemu`): a bootable disk image is uploaded as
 * qcow2 into an upload DataVolume (qemu-img converts it to raw), a VM uses the DataVolume as its
 * disk, and QEMU's firmware boots that disk: its boot sector prints a login prompt on the serial
 * line, so the VMI becomes Running. Skipped without QEMU, qemu-img or the built guest.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../index.js';
import { Api, vmiPath, vmPath, waitFor } from '../../../../test/support/cluster/lifecycle.js';
import { bootSectorImage } from '../../../../test/support/guest/boot-sector.js';
import { findOnPath, qemuAvailability } from './guest-image.js';

const found = qemuAvailability();
const qemuImg = findOnPath('qemu-img');
const skip = !found.qemu || !found.image || !qemuImg;
const BOOT_MS = 150_000;
const NS = 'default';

let cluster: RunningCluster;
let api: Api;
let work: string;

beforeAll(async () => {
  if (skip) return;
  cluster = await startCluster({ seed: 'none', guests: 'qemu', log: () => {} });
  api = new Api(cluster.url);
  work = mkdtempSync(path.join(tmpdir(), 'kvc-upload-boot-'));
}, 60_000);
afterAll(async () => {
  await cluster?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function get(p: string): Promise<any> {
  return (await api.req('GET', p)).json;
}

describe.skipIf(skip)('a real guest boots an uploaded image', () => {
  it('uploads a bootable qcow2 and boots a VM from its DataVolume with the firmware', async () => {
    const raw = path.join(work, 'boot.raw');
    const qcow2 = path.join(work, 'boot.qcow2');
    writeFileSync(raw, bootSectorImage('\r\nuploaded-disk login: ', 8 * 2 ** 20));
    execFileSync(qemuImg!, ['convert', '-f', 'raw', '-O', 'qcow2', raw, qcow2]);
    const image = readFileSync(qcow2);

    const dvs = `/apis/cdi.kubevirt.io/v1beta1/namespaces/${NS}/datavolumes`;
    expect(
      (
        await api.req('POST', dvs, {
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: 'DataVolume',
          metadata: { name: 'bootable' },
          spec: { source: { upload: {} }, storage: { resources: { requests: { storage: '64Mi' } } } },
        })
      ).status,
    ).toBe(201);
    await waitFor('UploadReady', async () => (await get(`${dvs}/bootable`))?.status?.phase === 'UploadReady', 30_000);
    const token = (
      (await api.req('POST', `/apis/upload.cdi.kubevirt.io/v1beta1/namespaces/${NS}/uploadtokenrequests`, {
        kind: 'UploadTokenRequest',
        spec: { pvcName: 'bootable' },
      })) as any
    ).json.status.token as string;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL('/v1beta1/upload', cluster.uploadProxyUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(image.length) },
      });
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.end(image);
    });
    expect(status).toBe(200);
    await waitFor('Succeeded', async () => (await get(`${dvs}/bootable`))?.status?.phase === 'Succeeded', 30_000);

    const vm = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'from-upload', namespace: NS },
      spec: {
        runStrategy: 'Always',
        template: {
          spec: {
            domain: {
              devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] },
              resources: { requests: { memory: '128Mi' } },
            },
            volumes: [{ name: 'root', dataVolume: { name: 'bootable' } }],
          },
        },
      },
    };
    expect((await api.req('POST', vmPath(NS), vm)).status).toBe(201);
    const running = await waitFor(
      'VMI Running',
      async () => {
        const v = await get(vmiPath(NS, 'from-upload'));
        return v?.status?.phase === 'Running' ? v : undefined;
      },
      BOOT_MS,
    );
    const guest = cluster.controllers.ctx.guests.get(running.metadata.uid);
    const pid = (guest?.guest as { pid?: number } | undefined)?.pid;
    expect(pid).toBeGreaterThan(0);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).not.toContain('-kernel');
    expect(cmdline.some((a) => a.startsWith(`file=${cluster.volumes.root}`) && a.includes('disk.img'))).toBe(true);
  }, 240_000);
});
