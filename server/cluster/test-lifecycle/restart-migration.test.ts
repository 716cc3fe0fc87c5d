/**
 * State the controllers derive from the store, not from memory: RestartRequired after the
 * cluster restarts (--data-dir), and the guest's address after a live migration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import { SerialClient } from '../../../test/support/cluster/serial-client.js';
import { cloudConfig, podNetwork, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';
import { Api, subPath, vmiPath, vmPath, waitFor, waitPrintable } from '../../../test/support/cluster/lifecycle.js';

const NS = 'default';
const dirs: string[] = [];
const clusters: RunningCluster[] = [];
afterAll(async () => {
  for (const c of clusters) await c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function cluster(dataDir?: string): Promise<{ c: RunningCluster; api: Api }> {
  const c = await startCluster({ port: 0, seed: 'none', speed: 100, dataDir, log: () => undefined });
  clusters.push(c);
  return { c, api: new Api(c.url) };
}

function fedora(name: string, cores?: number) {
  return vmManifest(name, {
    namespace: NS,
    devices: { ...virtioRootDisk, interfaces: podNetwork.interfaces },
    ...(cores ? { cpu: { cores } } : {}),
    networks: podNetwork.networks,
    userData: cloudConfig('fedora', 's3cret'),
  });
}

type Condition = { type: string; status: string; message?: string };
const conditions = async (api: Api, name: string) =>
  ((await api.get(vmPath(NS, name))).status as { conditions?: Condition[] }).conditions ?? [];

describe('RestartRequired', () => {
  it('is found after the cluster restarts: the running VMI is compared with what the VM would start now', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kvc-restart-'));
    dirs.push(dataDir);
    const first = await cluster(dataDir);
    expect((await first.api.req('POST', vmPath(NS), fedora('grow'))).status).toBe(201);
    await waitPrintable(first.api, NS, 'grow', 'Running');
    expect((await conditions(first.api, 'grow')).some((c) => c.type === 'RestartRequired')).toBe(false);
    await first.c.close();

    const second = await cluster(dataDir);
    await waitPrintable(second.api, NS, 'grow', 'Running');
    const vm = await second.api.get(vmPath(NS, 'grow'));
    // cores are not live-updatable (sockets and memory are, with the LiveUpdate rollout strategy)
    const edited = fedora('grow', 2);
    const put = await second.api.req('PUT', vmPath(NS, 'grow'), {
      ...edited,
      metadata: { ...edited.metadata, resourceVersion: (vm.metadata as { resourceVersion: string }).resourceVersion },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const restart = await waitFor('RestartRequired', async () =>
      (await conditions(second.api, 'grow')).find((c) => c.type === 'RestartRequired'),
    );
    expect(restart).toMatchObject({
      status: 'True',
      message: 'a non-live-updatable field was changed in the template spec',
    });

    // No false alarm: a VM whose VMI matches its template (defaults on both sides) needs no restart.
    expect((await second.api.req('POST', vmPath(NS), fedora('same'))).status).toBe(201);
    await waitPrintable(second.api, NS, 'same', 'Running');
    expect((await conditions(second.api, 'same')).some((c) => c.type === 'RestartRequired')).toBe(false);
  });
});

describe('live migration', () => {
  it('gives the guest the new pod address: `ip a` on the console shows the VMI address after the move', async () => {
    const { api } = await cluster();
    expect((await api.req('POST', vmPath(NS), fedora('mover'))).status).toBe(201);
    await waitPrintable(api, NS, 'mover', 'Running');
    const vmiOf = async () =>
      (await api.get(vmiPath(NS, 'mover'))).status as {
        nodeName: string;
        interfaces: Array<{ ipAddress: string }>;
        migrationState?: { completed?: boolean };
      };
    const before = await vmiOf();

    const serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', 'mover', 'console')));
    try {
      await serial.login('fedora', 's3cret');

      expect((await api.req('PUT', subPath(NS, 'virtualmachines', 'mover', 'migrate'), {})).status).toBe(202);
      const after = await waitFor('the migration', async () => {
        const s = await vmiOf();
        return s.migrationState?.completed && s.nodeName !== before.nodeName ? s : undefined;
      });
      expect(after.interfaces[0].ipAddress).not.toBe(before.interfaces[0].ipAddress);

      serial.text = '';
      serial.type('ip a\r');
      await serial.waitFor(/\$ $/);
      expect(serial.text).toContain(`inet ${after.interfaces[0].ipAddress}/`);
      expect(serial.text).not.toContain(`inet ${before.interfaces[0].ipAddress}/`);
    } finally {
      serial.close();
    }
  });
});
