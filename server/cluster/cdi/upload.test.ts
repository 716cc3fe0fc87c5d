/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON answers of the API under test */
// CDI's upload path in the embedded cluster: UploadTokenRequest, the upload DataVolume's phases,
// the upload pod and service, the upload proxy's checks, and what lands in the volume.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import { issueUploadToken } from './upload-token.js';
import { findOnPath } from '../guest/qemu/guest-image.js';

const QEMU_IMG = findOnPath('qemu-img');
const MiB = 2 ** 20;
let cluster: RunningCluster;
let work: string;

beforeAll(async () => {
  cluster = await startCluster({ seed: 'none', speed: 20, log: () => {} });
  work = mkdtempSync(path.join(tmpdir(), 'kvc-upload-test-'));
});
afterAll(async () => {
  await cluster.close();
  rmSync(work, { recursive: true, force: true });
});

async function api(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(cluster.url + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const dvPath = (ns: string, name = '') =>
  `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes${name ? '/' + name : ''}`;

async function createDv(name: string, source: Record<string, unknown>, size = '1Gi'): Promise<void> {
  const r = await api('POST', dvPath('default'), {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: { name },
    spec: { source, storage: { resources: { requests: { storage: size } } } },
  });
  expect(r.status).toBe(201);
}

async function waitFor<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let last: T = await get();
  for (let i = 0; i < 300 && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = await get();
  }
  if (!ok(last)) throw new Error(`${what}: still ${JSON.stringify(last)}`);
  return last;
}

const dv = async (name: string) => (await api('GET', dvPath('default', name))).json;
const phaseIs = (name: string, phase: string) =>
  waitFor(
    `${name} ${phase}`,
    () => dv(name),
    (d) => d?.status?.phase === phase,
  );

async function token(pvc: string): Promise<string> {
  const r = await api('POST', '/apis/upload.cdi.kubevirt.io/v1beta1/namespaces/default/uploadtokenrequests', {
    apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
    kind: 'UploadTokenRequest',
    metadata: { name: pvc },
    spec: { pvcName: pvc },
  });
  expect(r.status).toBe(200);
  return r.json.status.token as string;
}

function upload(
  body: Buffer,
  auth: string | undefined,
  opts: { path?: string; cut?: number } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(opts.path ?? '/v1beta1/upload', cluster.uploadProxyUrl);
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-length': String(body.length), ...(auth ? { authorization: auth } : {}) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    if (opts.cut !== undefined) {
      req.on('error', () => resolve({ status: 0, text: 'cut' }));
      req.write(body.subarray(0, opts.cut), () => setTimeout(() => req.destroy(), 50));
    } else {
      req.on('error', reject);
      req.end(body);
    }
  });
}

/** A qcow2 image of `size` holding `marker` at its start: made by qemu-img, or a bare header without it. */
function qcow2(size: number, marker: string): Buffer {
  if (QEMU_IMG) {
    const raw = path.join(work, `${marker}.raw`);
    const out = path.join(work, `${marker}.qcow2`);
    writeFileSync(raw, Buffer.alloc(size));
    writeFileSync(raw, marker, { flag: 'r+' });
    execFileSync(QEMU_IMG, ['convert', '-f', 'raw', '-O', 'qcow2', raw, out]);
    return readFileSync(out);
  }
  const h = Buffer.alloc(512);
  h.write('QFI\xfb', 0, 'latin1');
  h.writeUInt32BE(3, 4);
  h.writeBigUInt64BE(BigInt(size), 24);
  return h;
}

async function volumeOf(name: string): Promise<string> {
  return (await api('GET', `/api/v1/namespaces/default/persistentvolumeclaims/${name}`)).json.spec.volumeName;
}

describe('CDI uploads in the embedded cluster', () => {
  it('serves UploadTokenRequest in discovery and issues a token for the named PVC', async () => {
    const doc = await api('GET', '/apis/upload.cdi.kubevirt.io/v1beta1');
    expect(doc.json.resources).toEqual([
      expect.objectContaining({ name: 'uploadtokenrequests', kind: 'UploadTokenRequest', verbs: ['create'] }),
    ]);
    const t = await token('anything');
    expect(t.split('.')).toHaveLength(3);
    const missing = await api('POST', '/apis/upload.cdi.kubevirt.io/v1beta1/namespaces/default/uploadtokenrequests', {
      kind: 'UploadTokenRequest',
      spec: {},
    });
    expect(missing.status).toBe(422);
  });

  it('takes a qcow2 upload: UploadScheduled, UploadReady with pod and service, then Succeeded with a raw disk', async () => {
    await createDv('up-sync', { upload: {} });
    await phaseIs('up-sync', 'UploadReady');
    const pod = (await api('GET', '/api/v1/namespaces/default/pods/cdi-upload-up-sync')).json;
    expect(pod.metadata.labels).toMatchObject({ 'cdi.kubevirt.io': 'cdi-upload-server' });
    expect((await api('GET', '/api/v1/namespaces/default/services/cdi-upload-up-sync')).status).toBe(200);
    const events = (await api('GET', '/api/v1/namespaces/default/events')).json.items.map((e: any) => e.reason);
    expect(events).toEqual(expect.arrayContaining(['UploadScheduled', 'UploadReady']));

    const image = qcow2(64 * MiB, 'hello-upload');
    // The upload proxy's own checks: no bearer, a forged or expired token.
    expect((await upload(image, undefined)).status).toBe(400);
    const good = await token('up-sync');
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await upload(image, `Bearer ${forged}`)).status).toBe(401);
    const expired = issueUploadToken(cluster.store, 'default', 'up-sync', Date.now() - 10 * 60_000);
    expect((await upload(image, `Bearer ${expired}`)).status).toBe(401);
    expect((await dv('up-sync')).status.phase).toBe('UploadReady');

    expect(await upload(image, `Bearer ${good}`)).toEqual({ status: 200, text: '' });
    const done = await phaseIs('up-sync', 'Succeeded');
    expect(done.status.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'Ready', status: 'True' })]),
    );
    await waitFor(
      'upload pod removed',
      () => api('GET', '/api/v1/namespaces/default/pods/cdi-upload-up-sync'),
      (r) => r.status === 404,
    );
    expect((await api('GET', '/api/v1/namespaces/default/services/cdi-upload-up-sync')).status).toBe(404);
    const disk = await volumeOf('up-sync');
    expect(disk).toMatch(/^pvc-/);
    const stored = JSON.parse(readFileSync(path.join(volumesRoot(), disk, 'volume.json'), 'utf8'));
    expect(stored).toMatchObject({ virtualSize: 64 * MiB, sourceFormat: 'qcow2' });
    const content = readFileSync(path.join(volumesRoot(), disk, 'disk.img'))
      .subarray(0, 12)
      .toString('latin1');
    expect(content).toBe(QEMU_IMG ? 'hello-upload' : image.subarray(0, 12).toString('latin1'));
    // Done: another upload into it is refused with CDI's message.
    const again = await upload(image, `Bearer ${await token('up-sync')}`);
    expect(again).toEqual({
      status: 503,
      text: 'rejecting Upload Request for PVC up-sync that already finished uploading',
    });
  });

  it("refuses a PVC that is not an upload target, or missing, with CDI's message", async () => {
    await createDv('not-upload', { blank: {} });
    await phaseIs('not-upload', 'Succeeded');
    expect(await upload(Buffer.from('x'), `Bearer ${await token('not-upload')}`)).toEqual({
      status: 503,
      text: 'PVC not-upload is not an upload target',
    });
    expect(await upload(Buffer.from('x'), `Bearer ${await token('nowhere')}`)).toEqual({
      status: 503,
      text: "rejecting Upload Request for PVC nowhere that doesn't exist",
    });
  });

  it('leaves a truncated upload not Succeeded with the reason, and takes the next one (async)', async () => {
    await createDv('up-cut', { upload: {} });
    await phaseIs('up-cut', 'UploadReady');
    const image = qcow2(32 * MiB, 'cut');
    const body = Buffer.concat([image, Buffer.alloc(256 * 1024)]);
    await upload(body, `Bearer ${await token('up-cut')}`, { cut: Math.floor(body.length / 2) });
    const failed = await waitFor(
      'failure noted',
      () => dv('up-cut'),
      (d) => d?.status?.restartCount === 1,
    );
    expect(failed.status.phase).toBe('UploadReady');
    expect(failed.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Running',
          status: 'False',
          reason: 'Error',
          message: expect.stringMatching(/unexpected EOF/),
        }),
      ]),
    );
    expect(await upload(image, `Bearer ${await token('up-cut')}`, { path: '/v1beta1/upload-async' })).toEqual({
      status: 200,
      text: '',
    });
    await phaseIs('up-cut', 'Succeeded');
  });

  it('refuses an image larger than the volume with 400 and CDI wording', async () => {
    await createDv('up-small', { upload: {} }, '16Mi');
    await phaseIs('up-small', 'UploadReady');
    const r = await upload(qcow2(64 * MiB, 'big'), `Bearer ${await token('up-small')}`);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(
      /^Saving stream failed: .*Virtual image size 67108864 is larger than the reported available storage/,
    );
    expect((await dv('up-small')).status.phase).toBe('UploadReady');
  });

  it('unpacks a gzip-compressed raw image', async () => {
    await createDv('up-gz', { upload: {} }, '64Mi');
    await phaseIs('up-gz', 'UploadReady');
    const raw = Buffer.alloc(8 * MiB);
    raw.write('raw-gz-marker');
    const gz = (await import('node:zlib')).gzipSync(raw);
    expect(await upload(gz, `Bearer ${await token('up-gz')}`)).toEqual({ status: 200, text: '' });
    await phaseIs('up-gz', 'Succeeded');
    const dir = path.join(volumesRoot(), await volumeOf('up-gz'));
    expect(readFileSync(path.join(dir, 'disk.img')).subarray(0, 13).toString()).toBe('raw-gz-marker');
    // Grown (sparse) to the volume's size, as CDI does.
    expect(statSync(path.join(dir, 'disk.img')).size).toBe(64 * MiB);
    expect(JSON.parse(readFileSync(path.join(dir, 'volume.json'), 'utf8')).sourceFormat).toBe('raw.gz');
  });

  it("deletes the volume's content with its PVC", async () => {
    const dir = path.join(volumesRoot(), await volumeOf('up-gz'));
    expect(existsSync(dir)).toBe(true);
    expect((await api('DELETE', '/api/v1/namespaces/default/persistentvolumeclaims/up-gz')).status).toBe(200);
    await waitFor(
      'volume removed',
      async () => existsSync(dir),
      (e) => !e,
    );
  });
});

const volumesRoot = () => cluster.volumes.root;

describe('uploads through the console server into the embedded cluster', () => {
  it('streams a large image end to end with flat memory, and the DataVolume succeeds', async () => {
    const { createConsoleServer } = await import('../../proxy/app.js');
    const { passThroughUpstream } = await import('../../proxy/upstream.js');
    const { silentLogger } = await import('../../proxy/log.js');
    const { server } = createConsoleServer({
      upstream: passThroughUpstream(cluster.url, 'test'),
      log: silentLogger,
      uploadProxy: { url: new URL(cluster.uploadProxyUrl), description: 'test' },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const total = 512 * MiB;
      await createDv('through-console', { upload: {} }, '1Gi');
      await phaseIs('through-console', 'UploadReady');
      const t = await token('through-console');
      const chunk = Buffer.alloc(MiB, 1);
      let sent = 0;
      const body = new (await import('node:stream')).Readable({
        read() {
          if (sent >= total) return void this.push(null);
          sent += MiB;
          this.push(chunk);
        },
      });
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/cdi-upload/v1beta1/upload',
          headers: {
            cookie: 'csrf-token=c',
            'x-csrftoken': 'c',
            'x-cdi-upload-token': t,
            'content-length': String(total),
          },
        });
        req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
        req.on('error', reject);
        body.pipe(req);
      });
      clearInterval(sampler);
      expect(status).toBe(200);
      await phaseIs('through-console', 'Succeeded');
      const dir = path.join(volumesRoot(), await volumeOf('through-console'));
      expect(JSON.parse(readFileSync(path.join(dir, 'volume.json'), 'utf8'))).toMatchObject({ virtualSize: total });
      // Both ends of the stream run in this process: together they hold buffers, not the image.
      expect(peak - before).toBeLessThan(256 * MiB);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
