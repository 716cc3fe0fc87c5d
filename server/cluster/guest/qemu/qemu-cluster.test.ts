/**
 * Real guests end to end through the embedded cluster (`--guests qemu`): a VM boots the tiny
 * Linux in QEMU, the serial console logs in over the websocket route, a real RFB client reads
 * QEMU's VNC server, the screenshot comes from the real screen; pause, migration, guest poweroff,
 * ACPI stop and a QEMU crash end as KubeVirt would. Skipped without QEMU or the built guest.
 * `KVC_QEMU_ACCEL=tcg` forces software emulation.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../index.js';
import {
  Api,
  events,
  subPath,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../../test/support/cluster/lifecycle.js';
import { connectRfbClient, ENCODINGS } from '../../../../test/support/guest/rfb-test-client.js';
import { SerialClient } from '../../../../test/support/cluster/serial-client.js';
import { cloudConfig, podNetwork, virtioRootDisk, vmManifest } from '../../../../test/support/cluster/vm-manifest.js';
import { qemuAvailability } from './guest-image.js';
import { QemuGuest } from './qemu-guest.js';

const found = qemuAvailability();
const skip = !found.qemu || !found.image;
if (skip) console.warn(`real-guest tests skipped: ${found.missing}`);

/** A TCG boot on a busy 2-core machine can take a while; KVM boots in about a second. */
const BOOT_MS = 150_000;
const NS = 'real';

let cluster: RunningCluster;
let api: Api;
const logs: string[] = [];

const wsUrl = (name: string, kind: string) => api.wsUrl(subPath(NS, 'virtualmachineinstances', name, kind));

async function createVm(name: string, runStrategy: string, extra: { hostname?: string } = {}): Promise<void> {
  const r = await api.req(
    'POST',
    vmPath(NS),
    vmManifest(name, {
      namespace: NS,
      runStrategy,
      hostname: extra.hostname,
      devices: { ...virtioRootDisk, interfaces: podNetwork.interfaces },
      memory: '2Gi',
      cpu: { cores: 2 },
      networks: podNetwork.networks,
      userData: cloudConfig('alice', '"s3cret pw"'),
    }),
  );
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

async function vmi(
  name: string,
): Promise<{ uid: string; phase?: string; nodeName?: string; conditions: Array<{ type: string; status: string }> }> {
  const o = await api.get(vmiPath(NS, name));
  const status = (o.status ?? {}) as {
    phase?: string;
    nodeName?: string;
    conditions?: Array<{ type: string; status: string }>;
  };
  return {
    uid: (o.metadata as { uid: string }).uid,
    phase: status.phase,
    nodeName: status.nodeName,
    conditions: status.conditions ?? [],
  };
}

function qemuGuestOf(name: string): QemuGuest {
  const entry = [...cluster.controllers.ctx.guests.values()].find((e) => e.name === name && e.namespace === NS);
  if (!(entry?.guest instanceof QemuGuest)) throw new Error(`${name} has no QEMU guest`);
  return entry.guest;
}

/** The serial console; a TCG boot on a busy machine is slow, so waits default to a minute. */
const openSerial = (url: string) => SerialClient.open(url, { timeoutMs: 60_000 });

describe.skipIf(skip)(skip ? `real guests (skipped: ${found.missing})` : 'real guests (QEMU)', () => {
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, seed: 'none', guests: 'qemu', log: (m) => logs.push(m) });
    api = new Api(cluster.url);
    await api.createNamespace(NS);
  }, 30_000);
  afterAll(async () => {
    await cluster?.close();
    if (process.env.CLUSTER_DEBUG) console.log(logs.join('\n'));
  });

  it(
    'boots a real guest: the VMI is Running once the login prompt is on the serial line',
    async () => {
      await createVm('alpha', 'Always', { hostname: 'alpha-host' });
      await createVm('beta', 'RerunOnFailure');
      await waitPrintable(api, NS, 'alpha', 'Running', BOOT_MS);
      const guest = qemuGuestOf('alpha');
      expect(guest.state).toBe('running');
      // Memory and vCPUs from the spec (2Gi, 2 cores), capped for the tiny guest.
      expect(guest.size).toEqual({ memoryMiB: 512, cpus: 1 });
      expect(logs.some((l) => /guests: (KVM|TCG)/.test(l))).toBe(true);
    },
    BOOT_MS + 10_000,
  );

  it('logs in on the serial console with the cloud-init user; a real kernel answers', async () => {
    const serial = await openSerial(wsUrl('alpha', 'console'));
    try {
      await serial.login('alice', 's3cret pw');
      expect((await serial.run('hostname')).trim()).toBe('alpha-host');
      expect(await serial.run('uname -a')).toMatch(/^Linux alpha-host \d+\.\d+\.\d+-\S+ #1 SMP .* x86_64/);
      expect((await serial.run('whoami')).trim()).toBe('alice');
      const ip = ((await api.get(vmiPath(NS, 'alpha'))).status as { interfaces: Array<{ ipAddress: string }> })
        .interfaces[0].ipAddress;
      expect(await serial.run('ip a')).toContain(`inet ${ip}/24`);
      expect(await serial.run('uptime')).toMatch(/up .*load average/);
    } finally {
      serial.close();
    }
  }, 60_000);

  it('a real RFB client sees a non-blank screen that changes when typing; the screenshot is that screen', async () => {
    const rfb = await connectRfbClient(wsUrl('alpha', 'vnc'), [
      ENCODINGS.zrle,
      ENCODINGS.raw,
      ENCODINGS.pseudoDesktopSize,
    ]);
    try {
      expect(rfb.client.clientWidth).toBeGreaterThan(0);
      await rfb.waitUntil(() => rfb.client.fb.some((b: number, i: number) => i % 4 !== 3 && b !== 0), 10_000);
      const before = Buffer.from(rfb.client.fb);
      rfb.type('kubevirt');
      await rfb.waitUntil(() => !Buffer.from(rfb.client.fb).equals(before), 20_000);
    } finally {
      await rfb.close();
    }
    const res = await fetch(`${cluster.url}${subPath(NS, 'virtualmachineinstances', 'alpha', 'vnc/screenshot')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect(png.width).toBeGreaterThanOrEqual(640);
    const lit = png.data.some((b, i) => i % 4 !== 3 && b > 0);
    expect(lit).toBe(true);
  }, 60_000);

  it('pause stops the CPUs (no echo) and unpause continues them', async () => {
    const serial = await openSerial(wsUrl('alpha', 'console'));
    try {
      serial.type('\r');
      await serial.waitFor(/(\$|login:) $/);
      expect((await api.req('PUT', subPath(NS, 'virtualmachineinstances', 'alpha', 'pause'), {})).status).toBe(200);
      await waitFor('Paused condition', async () =>
        (await vmi('alpha')).conditions.some((c) => c.type === 'Paused' && c.status === 'True'),
      );
      serial.text = '';
      serial.type('echo paused-marker');
      await new Promise((r) => setTimeout(r, 1500));
      expect(serial.output).toBe('');
      expect((await api.req('PUT', subPath(NS, 'virtualmachineinstances', 'alpha', 'unpause'), {})).status).toBe(200);
      await serial.waitFor(/paused-marker/);
      serial.type('\x15'); // Ctrl-U: drop the line
    } finally {
      serial.close();
    }
  }, 60_000);

  it('migration moves the VMI to another node and the same guest keeps running', async () => {
    const before = await vmi('alpha');
    const guest = qemuGuestOf('alpha');
    const pid = guest.pid;
    const r = await api.req('POST', `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstancemigrations`, {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstanceMigration',
      metadata: { name: 'move-alpha', namespace: NS },
      spec: { vmiName: 'alpha' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    let phase: string | undefined;
    await waitFor(
      'migration Succeeded',
      async () => {
        const m = await api.get(`/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstancemigrations/move-alpha`);
        phase = (m.status as { phase?: string } | undefined)?.phase;
        if (phase === 'Failed') throw new Error(`migration failed: ${JSON.stringify(m.status)}`);
        return phase === 'Succeeded';
      },
      60_000,
    );
    const after = await vmi('alpha');
    expect(after.uid).toBe(before.uid);
    expect(after.nodeName).not.toBe(before.nodeName);
    expect(qemuGuestOf('alpha')).toBe(guest);
    expect(guest.pid).toBe(pid);
    expect(guest.state).toBe('running');
  }, 90_000);

  it(
    'poweroff in the guest ends the VMI Succeeded; an Always VM boots a new one',
    async () => {
      const { uid } = await vmi('alpha');
      const serial = await openSerial(wsUrl('alpha', 'console'));
      serial.type('\x15\r');
      await serial.waitFor(/(\$|login:) $/);
      if (/login: $/.test(serial.output)) await serial.login('alice', 's3cret pw');
      serial.type('poweroff\r');
      await waitFor(
        'a new VMI',
        async () => {
          const r = await api.req('GET', vmiPath(NS, 'alpha'));
          return r.status === 200 && (r.json.metadata as { uid: string }).uid !== uid;
        },
        60_000,
      );
      expect(
        (await events(api, NS, 'alpha')).some(
          (e) => e.reason === 'Stopped' && e.message === 'The VirtualMachineInstance was shut down.',
        ),
      ).toBe(true);
      await waitPrintable(api, NS, 'alpha', 'Running', BOOT_MS);
    },
    BOOT_MS + 70_000,
  );

  it(
    'stop sends the ACPI power button: the guest shuts down cleanly and the VM is Stopped',
    async () => {
      await waitFor('alpha booted', () => qemuGuestOf('alpha').state === 'running', BOOT_MS);
      expect((await api.req('PUT', subPath(NS, 'virtualmachines', 'alpha', 'stop'), {})).status).toBe(202);
      // Well before the 180 s grace period: the guest answered the power button.
      await waitPrintable(api, NS, 'alpha', 'Stopped', 60_000);
      expect((await events(api, NS, 'alpha')).some((e) => e.reason === 'Stopped' && e.type === 'Normal')).toBe(true);
    },
    BOOT_MS + 70_000,
  );

  it(
    'a QEMU crash fails the VMI; RerunOnFailure boots again, and a guest poweroff leaves it Stopped',
    async () => {
      await waitPrintable(api, NS, 'beta', 'Running', BOOT_MS);
      const { uid } = await vmi('beta');
      process.kill(qemuGuestOf('beta').pid ?? 0, 'SIGKILL');
      await waitFor(
        'beta Failed',
        async () => {
          const r = await api.req('GET', vmiPath(NS, 'beta'));
          const meta = r.json.metadata as { uid: string } | undefined;
          return meta?.uid !== uid || (r.json.status as { phase?: string }).phase === 'Failed';
        },
        30_000,
      );
      expect(
        (await events(api, NS, 'beta')).some(
          (e) => e.type === 'Warning' && e.message === 'The VirtualMachineInstance crashed.',
        ),
      ).toBe(true);
      await waitFor('a new beta VMI', async () => (await vmi('beta').catch(() => ({ uid }))).uid !== uid, 30_000);
      await waitPrintable(api, NS, 'beta', 'Running', BOOT_MS);
      const serial = await openSerial(wsUrl('beta', 'console'));
      await serial.login('alice', 's3cret pw');
      serial.type('poweroff\r');
      await waitPrintable(api, NS, 'beta', 'Stopped', 60_000);
      expect(
        (await events(api, NS, 'beta')).some(
          (e) => e.reason === 'Stopped' && e.message === 'The VirtualMachineInstance was shut down.',
        ),
      ).toBe(true);
    },
    2 * BOOT_MS + 60_000,
  );
});
