/**
 * Who may change a VMI: KubeVirt's own service accounts (the embedded controllers write as them)
 * and nobody else — a cluster admin included — gets "update of VMI object is restricted".
 */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../store/index.js';
import { useTestCluster, vmiPath, vmPath, waitFor, waitPrintable } from '../../../test/support/cluster/lifecycle.js';
import { CIRROS_IMAGE, vmManifest } from '../../../test/support/cluster/vm-manifest.js';

const env = useTestCluster();
const { api } = env;

const NS = 'default';

async function runningVm(name: string): Promise<void> {
  const r = await api.req('POST', vmPath(NS), vmManifest(name, { image: CIRROS_IMAGE, memory: '128Mi' }));
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  await waitPrintable(api, NS, name, 'Running');
}

const patch = (path: string, body: unknown) => api.mergePatch(path, body);

describe('VMI updates', () => {
  it('refuses a spec change from the admin, as virt-api does, while the controllers keep writing the VMI', async () => {
    await runningVm('restricted');
    const r = await patch(vmiPath(NS, 'restricted'), { spec: { domain: { memory: { guest: '256Mi' } } } });
    expect(r.status).toBe(422);
    expect(r.json.message).toBe(
      'admission webhook "virtualmachineinstances-update-validator.kubevirt.io" denied the request: update of VMI object is restricted',
    );
    // A label that is not KubeVirt's is fine.
    expect((await patch(vmiPath(NS, 'restricted'), { metadata: { labels: { team: 'a' } } })).status).toBe(200);

    // The controllers set the reserved node label, which only KubeVirt's accounts may write.
    const vmi = (await api.get(vmiPath(NS, 'restricted'))) as unknown as KObject;
    expect(vmi.metadata.labels?.['kubevirt.io/nodeName']).toMatch(/^node\d+$/);
  });

  it('lets virt-api change the grace period on a stop, and refuses the reserved node label to the admin', async () => {
    await runningVm('graceful');
    const stop = await fetch(
      `${env.cluster.url}/apis/subresources.kubevirt.io/v1/namespaces/${NS}/virtualmachines/graceful/stop`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ gracePeriod: 0 }),
      },
    );
    expect(stop.status).toBe(202);
    await waitPrintable(api, NS, 'graceful', 'Stopped');
    await runningVm('labelled');
    const r = await patch(vmiPath(NS, 'labelled'), { metadata: { labels: { 'kubevirt.io/nodeName': 'elsewhere' } } });
    expect(r.status).toBe(422);
    expect(r.json.message).toMatch(
      /modification of the following reserved kubevirt.io\/ labels on a VMI object is prohibited/,
    );
    await waitFor(
      'the VMI still on its node',
      async () =>
        ((await api.get(vmiPath(NS, 'labelled'))).metadata as KObject['metadata']).labels?.['kubevirt.io/nodeName'] !==
        'elsewhere',
    );
  });
});
