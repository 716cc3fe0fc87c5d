import { describe, expect, it } from 'vitest';
import { createStore } from '../store/index.js';
import { scaleKind, seedScale } from './scale.js';
import { seedCluster } from './index.js';
import { startCluster } from '../index.js';
import { storeClient } from '../runtime/store-client.js';
import { waitFor } from '../../../test/support/cluster/lifecycle.js';

describe('seedCluster', () => {
  it('default: demo namespace, VMs in different states, a Service and a standalone VMI', () => {
    const store = createStore();
    seedCluster(store, 'default');
    expect(store.tryGet('namespaces', undefined, 'demo')).toBeDefined();
    const vms = store
      .list('virtualmachines.kubevirt.io')
      .items.map(
        (v) => `${v.metadata.namespace}/${v.metadata.name}:${(v.spec as { runStrategy: string }).runStrategy}`,
      );
    expect(vms).toEqual(
      expect.arrayContaining(['demo/fedora-web:Always', 'demo/cirros-stopped:Halted', 'default/fedora-manual:Manual']),
    );
    expect(store.tryGet('services', 'demo', 'fedora-web')).toBeDefined();
    expect(store.tryGet('virtualmachineinstances.kubevirt.io', 'default', 'vmi-ephemeral')).toBeDefined();
    expect(store.list('nodes').items).toHaveLength(3);
    store.close();
  });

  it('none seeds nothing; an unknown seed is an error', () => {
    const store = createStore();
    seedCluster(store, 'none');
    expect(store.list('virtualmachines.kubevirt.io').items).toHaveLength(0);
    expect(() => seedCluster(store, 'lots')).toThrow(/unknown seed/);
    store.close();
  });

  it('scale:N writes N VMs, running ones with a Running VMI and pod on a node', () => {
    const store = createStore();
    seedScale(storeClient(store), 300);
    const vms = store.list('virtualmachines.kubevirt.io', { namespace: 'scale' }).items;
    expect(vms).toHaveLength(300);
    // Labelled by tier on the VM itself (what `kubectl get vm -l tier=db` selects on), a third each.
    expect(vms.filter((v) => v.metadata.labels?.tier === 'db')).toHaveLength(100);
    const running = Array.from({ length: 300 }, (_, i) => scaleKind(i)).filter((k) => k === 'running').length;
    const vmis = store.list('virtualmachineinstances.kubevirt.io', { namespace: 'scale' }).items;
    expect(vmis).toHaveLength(running);
    expect(vmis.every((v) => (v.status as { phase: string }).phase === 'Running')).toBe(true);
    const pods = store.list('pods', { namespace: 'scale' }).items;
    expect(new Set(pods.map((p) => (p.status as { podIP: string }).podIP)).size).toBe(running);
    expect(pods.every((p) => (p.status as { phase: string }).phase === 'Running')).toBe(true);
    store.close();
  });

  it('default: the seeded Services get their addresses on the write; the controllers only add endpoints', async () => {
    const logs: string[] = [];
    const cluster = await startCluster({ port: 0, seed: 'default', speed: 100, log: (m) => logs.push(m) });
    try {
      type Spec = { clusterIP?: string; ports: Array<{ nodePort?: number }> };
      const seeded = cluster.store.list('services', { namespace: 'demo' }).items;
      expect(seeded.map((s) => s.metadata.name)).toEqual(['fedora-web', 'fedora-web-ssh']);
      for (const s of seeded) expect((s.spec as Spec).clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
      const ssh = seeded[1];
      expect((ssh.spec as Spec).ports[0].nodePort).toBeGreaterThanOrEqual(30000);
      await waitFor('endpoints of both Services', () =>
        seeded.every(
          (s) =>
            (cluster.store.tryGet('endpoints', 'demo', s.metadata.name!)?.subsets as unknown[] | undefined)?.length,
        ),
      );
      // Nobody rewrote the Services, nothing failed, and exactly what they hold is taken.
      const after = cluster.store.list('services').items;
      expect(after.filter((s) => s.metadata.namespace === 'demo').map((s) => s.metadata.resourceVersion)).toEqual(
        seeded.map((s) => s.metadata.resourceVersion),
      );
      expect(logs.filter((l) => /service|allocat|Error/i.test(l))).toEqual([]);
      expect(cluster.store.services.inUse).toEqual({ ips: after.length, nodePorts: 1 });
    } finally {
      await cluster.close();
    }
  });

  it('startCluster fails with an unknown seed instead of starting without it', async () => {
    await expect(startCluster({ port: 0, seed: 'lots', log: () => undefined })).rejects.toThrow(/unknown seed "lots"/);
  });
});
