// A live migration reports its progress as KubeVirt's does (the VMI's and the migration's
// migrationState, the kubevirt_vmi_migration_data_* metrics while memory is copied) and can be
// cancelled by deleting the VirtualMachineInstanceMigration: the copy is aborted, the VMI stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../index.js';
import { Api, vmPath, vmiPath, waitFor, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import { cloudConfig, podNetwork, virtioRootDisk, vmManifest } from '../../../../test/support/cluster/vm-manifest.js';

const NS = 'default';
let cluster: RunningCluster;
let api: Api;

beforeAll(async () => {
  cluster = await startCluster({ port: 0, seed: 'none', speed: 10, log: () => undefined, metricsIntervalMs: 50 });
  api = new Api(cluster.url);
  const vm = vmManifest('mover', {
    namespace: NS,
    memory: '2Gi',
    devices: { ...virtioRootDisk, interfaces: podNetwork.interfaces },
    networks: podNetwork.networks,
    userData: cloudConfig('fedora', 's3cret'),
  });
  expect((await api.req('POST', vmPath(NS), vm)).status).toBe(201);
  await waitPrintable(api, NS, 'mover', 'Running', 30_000);
  await waitFor('a live-migratable VMI', async () => {
    const vmi = await api.get(vmiPath(NS, 'mover'));
    const conds = (vmi.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? [];
    return conds.some((c) => c.type === 'LiveMigratable' && c.status === 'True');
  });
}, 60_000);

afterAll(async () => cluster?.close());

const vmimPath = (name = '') =>
  `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstancemigrations${name ? `/${name}` : ''}`;

interface MigrationState {
  migrationUid?: string;
  sourceNode?: string;
  targetNode?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  completed?: boolean;
  failed?: boolean;
  abortRequested?: boolean;
  abortStatus?: string;
  mode?: string;
}

async function vmiState(): Promise<{ node: string; state?: MigrationState }> {
  const vmi = await api.get(vmiPath(NS, 'mover'));
  const s = vmi.status as { nodeName: string; migrationState?: MigrationState };
  return { node: s.nodeName, state: s.migrationState };
}

async function migrate(name: string): Promise<string> {
  const r = await api.req('POST', vmimPath(), {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstanceMigration',
    metadata: { name },
    spec: { vmiName: 'mover' },
  });
  expect(r.status).toBe(201);
  return (r.json.metadata as { uid: string }).uid;
}

const phaseOf = async (name: string) =>
  ((await api.req('GET', vmimPath(name))).json.status as { phase?: string } | undefined)?.phase;

async function metric(name: string): Promise<number | undefined> {
  const res = await fetch(`${cluster.prometheusUrl}/api/v1/query?query=${encodeURIComponent(`${name}{name="mover"}`)}`);
  const body = (await res.json()) as { data: { result: Array<{ value: [number, string] }> } };
  return body.data.result[0] ? Number(body.data.result[0].value[1]) : undefined;
}

describe('a live migration', () => {
  it('shows its progress while memory is copied and ends on the target node', async () => {
    const before = await vmiState();
    const uid = await migrate('first');
    await waitFor('the copy', async () => (await phaseOf('first')) === 'Running');
    const vmim = await api.get(vmimPath('first'));
    expect((vmim.metadata as { finalizers?: string[] }).finalizers).toContain('kubevirt.io/migrationJobFinalize');
    const seen: Array<{ processed: number; remaining: number }> = [];
    await waitFor(
      'progress in the metrics',
      async () => {
        const processed = await metric('kubevirt_vmi_migration_data_processed_bytes');
        const remaining = await metric('kubevirt_vmi_migration_data_remaining_bytes');
        if (processed !== undefined && remaining !== undefined && processed !== seen.at(-1)?.processed)
          seen.push({ processed, remaining });
        return seen.length >= 3;
      },
      30_000,
    );
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].processed).toBeGreaterThan(seen[i - 1].processed);
      expect(seen[i].remaining).toBeLessThan(seen[i - 1].remaining);
    }
    expect(seen[0].processed + seen[0].remaining).toBeGreaterThanOrEqual(2 * 2 ** 30);
    const during = await vmiState();
    expect(during.state).toMatchObject({ migrationUid: uid, sourceNode: before.node, mode: 'PreCopy' });
    expect(during.state?.startTimestamp).toBeTruthy();
    expect(during.state?.completed).toBeFalsy();
    await waitFor('Succeeded', async () => (await phaseOf('first')) === 'Succeeded', 30_000);
    const after = await vmiState();
    expect(after.node).toBe(during.state?.targetNode);
    expect(after.state).toMatchObject({ completed: true, endTimestamp: expect.any(String) });
    expect(after.state?.failed).toBeFalsy();
    const mirrored = await waitFor('the migration state on the migration', async () => {
      const m = await api.get(vmimPath('first'));
      const s = (m.status as { migrationState?: MigrationState }).migrationState;
      return s?.completed ? s : undefined;
    });
    expect(mirrored).toMatchObject({ migrationUid: uid, sourceNode: before.node, targetNode: after.node });
    await waitFor(
      'no more progress metrics',
      async () => (await metric('kubevirt_vmi_migration_data_remaining_bytes')) === undefined,
    );
  });

  it('is aborted when its migration is deleted while memory is copied: the VMI stays on its node', async () => {
    const before = await vmiState();
    const uid = await migrate('second');
    await waitFor('the copy', async () => (await phaseOf('second')) === 'Running', 30_000);
    expect((await api.req('DELETE', vmimPath('second'))).status).toBe(200);
    const state = await waitFor('the abort', async () => {
      const s = (await vmiState()).state;
      return s?.migrationUid === uid && s.abortStatus === 'Succeeded' ? s : undefined;
    });
    expect(state).toMatchObject({ abortRequested: true, failed: true, completed: true });
    expect((await vmiState()).node).toBe(before.node);
    await waitFor('the migration gone', async () => (await api.req('GET', vmimPath('second'))).status === 404);
    const events = await api.get(`/api/v1/namespaces/${NS}/events`);
    const reasons = (events.items as Array<{ reason: string; involvedObject: { uid: string } }>)
      .filter((e) => e.involvedObject.uid === uid)
      .map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['SuccessfulAbortMigration', 'FailedMigration']));
    // The VMI can migrate again afterwards.
    await migrate('third');
    await waitFor('Succeeded', async () => (await phaseOf('third')) === 'Succeeded', 30_000);
    expect((await vmiState()).node).not.toBe(before.node);
  });

  it('fails as canceled when deleted before the target is handed off', async () => {
    const before = await vmiState();
    const uid = await migrate('fourth');
    expect((await api.req('DELETE', vmimPath('fourth'))).status).toBe(200);
    await waitFor('the migration gone', async () => (await api.req('GET', vmimPath('fourth'))).status === 404);
    const after = await vmiState();
    expect(after.node).toBe(before.node);
    if (after.state?.migrationUid === uid) expect(after.state.completed).toBe(true);
  });
});
