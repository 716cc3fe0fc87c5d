/** The documented failure conventions: unpullable images, failing imports, no node fits, guests that crash. */
import { describe, expect, it } from 'vitest';
import {
  events,
  printable,
  useTestCluster,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../test/support/cluster/lifecycle.js';

const env = useTestCluster(20);
const { api } = env;

let n = 0;
async function vm(opts: {
  image?: string;
  memory?: string;
  dvUrl?: string;
  nodeSelector?: Record<string, string>;
}): Promise<{ ns: string; name: string }> {
  const ns = `err-${++n}`;
  const name = `vm-${n}`;
  await api.createNamespace(ns);
  const volumes = opts.dvUrl
    ? [{ name: 'root', dataVolume: { name: `${name}-dv` } }]
    : [{ name: 'root', containerDisk: { image: opts.image ?? 'quay.io/containerdisks/fedora:41' } }];
  const r = await api.req('POST', vmPath(ns), {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace: ns },
    spec: {
      runStrategy: 'Always',
      ...(opts.dvUrl
        ? {
            dataVolumeTemplates: [
              {
                metadata: { name: `${name}-dv` },
                spec: {
                  source: { http: { url: opts.dvUrl } },
                  storage: { resources: { requests: { storage: '1Gi' } } },
                },
              },
            ],
          }
        : {}),
      template: {
        spec: {
          domain: { devices: {}, memory: { guest: opts.memory ?? '1Gi' } },
          ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
          volumes,
        },
      },
    },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { ns, name };
}

const vmiConditions = async (ns: string, name: string) =>
  (
    (await api.get(vmiPath(ns, name))).status as {
      conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
    }
  ).conditions ?? [];

describe('image pull errors', () => {
  it('an image on an .invalid registry gives ErrImagePull, then ImagePullBackOff, with the kubelet events', async () => {
    const { ns, name } = await vm({ image: 'registry.unreachable.invalid/os/fedora:41' });
    // ErrImagePull lasts 2 cluster seconds before the back-off: poll for either, then check both happened.
    await waitFor('a pull error', async () =>
      ['ErrImagePull', 'ImagePullBackOff'].includes((await printable(api, ns, name)) ?? ''),
    );
    expect(await vmiConditions(ns, name)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Synchronized',
          status: 'False',
          reason: expect.stringMatching(/^(ErrImagePull|ImagePullBackOff)$/),
        }),
      ]),
    );
    await waitPrintable(api, ns, name, 'ImagePullBackOff');
    const pods = (await api.get(`/api/v1/namespaces/${ns}/pods`)).items as Array<{ metadata: { name: string } }>;
    const reasons = (await events(api, ns, pods[0].metadata.name)).map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Failed: Error: ErrImagePull',
        'BackOff: Back-off pulling image "registry.unreachable.invalid/os/fedora:41"',
      ]),
    );
    expect(
      reasons.some(
        (r) =>
          r.startsWith('Failed: Failed to pull image "registry.unreachable.invalid/os/fedora:41"') &&
          r.includes('no such host'),
      ),
    ).toBe(true);
  });

  it('the tag "nonexistent" does not exist anywhere', async () => {
    const { ns, name } = await vm({ image: 'quay.io/containerdisks/fedora:nonexistent' });
    await waitPrintable(api, ns, name, 'ImagePullBackOff');
  });
});

describe('imports', () => {
  it('a 404 URL fails the import, which retries counting restartCount; the VM shows DataVolumeError', async () => {
    const { ns, name } = await vm({ dvUrl: 'https://images.example.com/nonexistent/disk.qcow2' });
    await waitPrintable(api, ns, name, 'DataVolumeError');
    const dvPath = `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes/${name}-dv`;
    await waitFor(
      'two restarts',
      async () => (((await api.get(dvPath)).status as { restartCount?: number }).restartCount ?? 0) >= 2,
    );
    const dv = (await api.get(dvPath)).status as {
      phase: string;
      conditions: Array<{ type: string; status: string; reason?: string; message?: string }>;
    };
    expect(dv.phase).toBe('ImportInProgress');
    const fieldSelector = (kind: string) => `involvedObject.kind=${kind},involvedObject.name=${name}-dv`;
    const reasons = async (kind: string) =>
      (
        (await api.get(`/api/v1/namespaces/${ns}/events?fieldSelector=${fieldSelector(kind)}`)).items as Array<{
          reason: string;
          message: string;
        }>
      ).map((e) => `${e.reason}: ${e.message}`);
    // As CDI words them: the DataVolume names the PVC, the PVC gets the importer's message.
    expect(await reasons('DataVolume')).toContain(`ImportFailed: Failed to import into PVC ${name}-dv`);
    expect(await reasons('PersistentVolumeClaim')).toContain(
      'ErrImportFailed: Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found',
    );
    expect((await api.req('GET', vmiPath(ns, name))).status).toBe(404);
  });
});

describe('scheduling', () => {
  it('a VM larger than any node is ErrorUnschedulable with the scheduler message', async () => {
    const { ns, name } = await vm({ memory: '512Gi' });
    await waitPrintable(api, ns, name, 'ErrorUnschedulable');
    const message =
      '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(await vmiConditions(ns, name)).toEqual(
      expect.arrayContaining([
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastProbeTime: null,
          lastTransitionTime: expect.any(String),
        },
      ]),
    );
    const vmStatus = (await api.get(vmPath(ns, name))).status as {
      conditions: Array<{ type: string; reason?: string }>;
    };
    expect(vmStatus.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'PodScheduled', reason: 'Unschedulable' })]),
    );
    const pods = (await api.get(`/api/v1/namespaces/${ns}/pods`)).items as Array<{ metadata: { name: string } }>;
    expect((await events(api, ns, pods[0].metadata.name)).map((e) => `${e.reason}: ${e.message}`)).toContain(
      `FailedScheduling: ${message}`,
    );
  });

  it('a node selector no node matches is ErrorUnschedulable too; it schedules once a node matches', async () => {
    const { ns, name } = await vm({ nodeSelector: { 'example.com/gpu': 'true' } });
    await waitPrintable(api, ns, name, 'ErrorUnschedulable');
    const res = await fetch(`${env.cluster.url}/api/v1/nodes/node02`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { 'example.com/gpu': 'true' } } }),
    });
    expect(res.status).toBe(200);
    await waitPrintable(api, ns, name, 'Running');
    expect(((await api.get(vmiPath(ns, name))).status as { nodeName: string }).nodeName).toBe('node02');
  });
});

describe('crash loops', () => {
  it('a guest that crashes at boot backs off in CrashLoopBackOff and counts start failures', async () => {
    const { ns, name } = await vm({ image: 'quay.io/containerdisks/fedora:crashloop' });
    await waitPrintable(api, ns, name, 'CrashLoopBackOff');
    const status = (await api.get(vmPath(ns, name))).status as {
      startFailure?: { consecutiveFailCount: number; retryAfterTimestamp: string };
    };
    expect(status.startFailure?.consecutiveFailCount).toBeGreaterThanOrEqual(1);
    await waitFor(
      'second failure',
      async () =>
        (((await api.get(vmPath(ns, name))).status as typeof status).startFailure?.consecutiveFailCount ?? 0) >= 2,
      20_000,
    );
    expect(['CrashLoopBackOff', 'Starting', 'Stopping']).toContain(await printable(api, ns, name));
  });
});
