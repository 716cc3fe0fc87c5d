/**
 * @kubernetes/client-node (1.3, runs on Node 20) lists and watches VirtualMachines through an
 * informer and sees ADDED, MODIFIED and DELETED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADD,
  CustomObjectsApi,
  DELETE,
  KubeConfig,
  UPDATE,
  makeInformer,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'informer';

function kubeConfig(server: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'embedded', server, skipTLSVerify: true }],
    users: [{ name: 'judge' }],
    contexts: [{ name: 'embedded', cluster: 'embedded', user: 'judge', namespace: NS }],
    currentContext: 'embedded',
  });
  return kc;
}

function vm(name: string): Record<string, unknown> {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name },
    spec: {
      runStrategy: 'Halted',
      template: { spec: { domain: { devices: {}, memory: { guest: '64Mi' } } } },
    },
  };
}

/** Waits until `pred` holds over the recorded events. */
async function until(pred: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('client-node informer on virtualmachines', () => {
  let cluster: JudgeCluster;
  let api: CustomObjectsApi;
  let kc: KubeConfig;
  const base = () => `${cluster.url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
  const send = async (method: string, url: string, body?: unknown, type = 'application/json') => {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': type },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${url}: ${await res.clone().text()}`).toBeLessThan(300);
    return res.json() as Promise<{ metadata: { resourceVersion: string } }>;
  };

  beforeAll(async () => {
    cluster = await startJudgeCluster();
    kc = kubeConfig(cluster.url);
    api = kc.makeApiClient(CustomObjectsApi);
    await send('POST', `${cluster.url}/api/v1/namespaces`, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    await send('POST', base(), vm('existing'));
  });
  afterAll(async () => cluster?.close());

  it('sees ADDED (initial list and new objects), MODIFIED and DELETED', async () => {
    const events: Array<[string, string, string]> = [];
    const informer = makeInformer<KubernetesObject>(kc, `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`, () =>
      api.listNamespacedCustomObject({ group: 'kubevirt.io', version: 'v1', namespace: NS, plural: 'virtualmachines' }),
    );
    const record = (type: string) => (obj: KubernetesObject) =>
      events.push([type, obj.metadata?.name ?? '', obj.metadata?.resourceVersion ?? '']);
    informer.on(ADD, record('ADDED'));
    informer.on(UPDATE, record('MODIFIED'));
    informer.on(DELETE, record('DELETED'));
    const errors: unknown[] = [];
    informer.on('error', (e) => errors.push(e));
    await informer.start();
    try {
      await until(() => events.some(([t, n]) => t === 'ADDED' && n === 'existing'), 'the listed VM');
      await send('POST', base(), vm('fresh'));
      await until(() => events.some(([t, n]) => t === 'ADDED' && n === 'fresh'), 'ADDED fresh');
      const patched = await send(
        'PATCH',
        `${base()}/fresh`,
        { metadata: { labels: { step: 'two' } } },
        'application/merge-patch+json',
      );
      await until(
        () => events.some(([t, n, rv]) => t === 'MODIFIED' && n === 'fresh' && rv === patched.metadata.resourceVersion),
        'MODIFIED fresh',
      );
      await send('DELETE', `${base()}/fresh`);
      await until(() => events.some(([t, n]) => t === 'DELETED' && n === 'fresh'), 'DELETED fresh');
      // list() exists at run time on client-node's ListWatch, but the Informer type does not declare it.
      const cache = informer as unknown as { list(ns: string): Array<{ metadata?: { name?: string } }> };
      expect(
        cache
          .list(NS)
          .map((o) => o.metadata?.name)
          .sort(),
      ).toEqual(['existing']);
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});
