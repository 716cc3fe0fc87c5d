/**
 * The console subresources over the real websocket routes: log in on the serial console, run
 * `hostname` and `poweroff`; drive the screen with a real RFB client; KubeVirt's refusals.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRfbClient, ENCODINGS } from '../../../test/support/guest/rfb-test-client.js';
import { SerialClient } from '../../../test/support/cluster/serial-client.js';
import { cloudConfig, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';
import {
  subPath,
  useTestCluster,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../test/support/cluster/lifecycle.js';

const env = useTestCluster();
const { api } = env;

let n = 0;
async function fedoraVm(
  runStrategy: string,
  extraDevices: Record<string, unknown> = {},
): Promise<{ ns: string; name: string }> {
  const ns = `console-${++n}`;
  const name = `fedora-${n}`;
  await api.createNamespace(ns);
  const r = await api.req(
    'POST',
    vmPath(ns),
    vmManifest(name, {
      namespace: ns,
      runStrategy,
      devices: { ...virtioRootDisk, ...extraDevices },
      userData: cloudConfig('fedora', 's3cret'),
    }),
  );
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { ns, name };
}

const wsUrl = (ns: string, name: string, kind: string, query = '') =>
  api.wsUrl(subPath(ns, 'virtualmachineinstances', name, kind) + query);

/** The HTTP status and message a refused websocket upgrade gets. */
async function refusal(url: string): Promise<{ status: number; message: string }> {
  const ws = new WebSocket(url, 'plain.kubevirt.io');
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('upgrade was accepted')));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, message: (JSON.parse(body) as { message: string }).message }),
      );
    });
    ws.once('error', () => undefined);
  });
}

describe('serial console', () => {
  it('logs in, runs hostname, and poweroff stops a Manual VM', async () => {
    const { ns, name } = await fedoraVm('Manual');
    expect(await refusal(wsUrl(ns, name, 'console'))).toEqual({
      status: 404,
      message: `virtualmachineinstances.kubevirt.io "${name}" not found`,
    });
    await api.req('PUT', subPath(ns, 'virtualmachines', name, 'start'), {});
    await waitPrintable(api, ns, name, 'Running');
    const serial = await SerialClient.open(wsUrl(ns, name, 'console'));
    await serial.login('fedora', 's3cret');
    serial.type('hostname\r');
    await serial.waitFor(new RegExp(`hostname\\r\\n${name}\\r\\n`));
    serial.type('poweroff\r');
    await waitPrintable(api, ns, name, 'Stopped');
    expect(((await api.get(vmiPath(ns, name))).status as { phase: string }).phase).toBe('Succeeded');
    expect(await refusal(wsUrl(ns, name, 'console'))).toEqual({ status: 400, message: 'VMI is not running' });
  });

  it('poweroff in an Always VM brings a new VMI up', async () => {
    const { ns, name } = await fedoraVm('Always');
    await waitPrintable(api, ns, name, 'Running');
    const uid = ((await api.get(vmiPath(ns, name))).metadata as { uid: string }).uid;
    const serial = await SerialClient.open(wsUrl(ns, name, 'console'));
    await serial.login('fedora', 's3cret');
    serial.type('poweroff\r');
    await waitFor('a new VMI', async () => {
      const vmi = await api.req('GET', vmiPath(ns, name));
      return vmi.status === 200 && (vmi.json.metadata as { uid: string }).uid !== uid;
    });
    await waitPrintable(api, ns, name, 'Running');
  });

  it('refuses a second session with preserveSession=true, and replaces it otherwise', async () => {
    const { ns, name } = await fedoraVm('Always');
    await waitPrintable(api, ns, name, 'Running');
    const first = await SerialClient.open(wsUrl(ns, name, 'console'));
    expect(await refusal(wsUrl(ns, name, 'console', '?preserveSession=true'))).toEqual({
      status: 500,
      message: 'Active console connection. Request denied.',
    });
    const closed = new Promise<void>((resolve) => first.ws.once('close', () => resolve()));
    const second = await SerialClient.open(wsUrl(ns, name, 'console'));
    await closed;
    second.ws.close();
  });
});

describe('vnc', () => {
  it('serves RFB to a real client: first framebuffer, typing changes the screen; screenshot is a PNG', async () => {
    const { ns, name } = await fedoraVm('Always');
    await waitPrintable(api, ns, name, 'Running');
    const rfb = await connectRfbClient(wsUrl(ns, name, 'vnc'), [
      ENCODINGS.copyRect,
      ENCODINGS.zrle,
      ENCODINGS.raw,
      ENCODINGS.pseudoDesktopSize,
    ]);
    try {
      expect(rfb.client.clientWidth).toBeGreaterThan(0);
      expect(rfb.client.clientName).toBe(name);
      const before = Buffer.from(rfb.client.fb);
      rfb.type('fedora\rs3cret\rhostname\r');
      await rfb.waitUntil(() => !Buffer.from(rfb.client.fb).equals(before), 10_000);
    } finally {
      await rfb.close();
    }
    const res = await fetch(`${env.cluster.url}${subPath(ns, 'virtualmachineinstances', name, 'vnc/screenshot')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it('says "No graphics devices are present." without a graphics device', async () => {
    const { ns, name } = await fedoraVm('Always', { autoattachGraphicsDevice: false });
    await waitPrintable(api, ns, name, 'Running');
    expect(await refusal(wsUrl(ns, name, 'vnc'))).toEqual({ status: 400, message: 'No graphics devices are present.' });
    const shot = await api.req('GET', subPath(ns, 'virtualmachineinstances', name, 'vnc/screenshot'));
    expect(shot.status).toBe(400);
  });
});
