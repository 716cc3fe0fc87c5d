// The embedded cluster's Prometheus over HTTP: KubeVirt's metrics of a running VMI, CPU that follows
// what runs in the guest's shell, disk writes, Prometheus's JSON and errors, and who sees which series.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import { SerialClient } from '../../../test/support/cluster/serial-client.js';
import { Api, subPath, vmPath, waitFor, waitPrintable } from '../../../test/support/cluster/lifecycle.js';
import { cloudConfig, podNetwork, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';

const NS = 'default';
let cluster: RunningCluster;
let api: Api;
let serial: SerialClient;
const dir = mkdtempSync(join(tmpdir(), 'kvc-metrics-'));

beforeAll(async () => {
  cluster = await startCluster({ port: 0, seed: 'none', speed: 100, log: () => undefined, metricsIntervalMs: 40 });
  api = new Api(cluster.url);
  const vm = vmManifest('busy', {
    namespace: NS,
    cpu: { cores: 2 },
    devices: { ...virtioRootDisk, interfaces: podNetwork.interfaces },
    networks: podNetwork.networks,
    userData: cloudConfig('fedora', 's3cret'),
  });
  expect((await api.req('POST', vmPath(NS), vm)).status).toBe(201);
  await waitPrintable(api, NS, 'busy', 'Running');
  serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', 'busy', 'console')));
  await serial.login('fedora', 's3cret');
}, 60_000);

afterAll(async () => {
  serial?.ws.close();
  await cluster?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface PromAnswer {
  status: string;
  errorType?: string;
  error?: string;
  data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> } & unknown[];
}

async function prom(
  path: string,
  init?: RequestInit,
  base = cluster.prometheusUrl,
): Promise<{ code: number; body: PromAnswer }> {
  const res = await fetch(base + path, init);
  return { code: res.status, body: (await res.json()) as PromAnswer };
}

async function value(query: string): Promise<number | undefined> {
  const { body } = await prom(`/api/v1/query?query=${encodeURIComponent(query)}`);
  const first = body.data.result[0];
  return first ? Number(first.value[1]) : undefined;
}

const cpu = () => value(`sum(rate(kubevirt_vmi_cpu_usage_seconds_total{namespace="${NS}",name="busy"}[600ms]))`);

describe('a running VMI', () => {
  it('has KubeVirt metrics with its namespace, name, node, interface and drive', async () => {
    await waitFor(
      'the first scrapes',
      async () => (await value('kubevirt_vmi_memory_domain_bytes{name="busy"}')) !== undefined,
    );
    const { body } = await prom(`/api/v1/query?query=${encodeURIComponent('{name="busy"}')}`);
    const names = new Set(body.data.result.map((r) => r.metric.__name__));
    for (const n of [
      'kubevirt_vmi_cpu_usage_seconds_total',
      'kubevirt_vmi_vcpu_seconds_total',
      'kubevirt_vmi_memory_used_bytes',
      'kubevirt_vmi_memory_available_bytes',
      'kubevirt_vmi_memory_domain_bytes',
      'kubevirt_vmi_memory_resident_bytes',
      'kubevirt_vmi_network_receive_bytes_total',
      'kubevirt_vmi_network_transmit_packets_total',
      'kubevirt_vmi_storage_read_traffic_bytes_total',
      'kubevirt_vmi_storage_iops_write_total',
      'kubevirt_vmi_info',
    ])
      expect(names, n).toContain(n);
    const net = body.data.result.find((r) => r.metric.__name__ === 'kubevirt_vmi_network_receive_bytes_total');
    expect(net?.metric).toMatchObject({ namespace: NS, name: 'busy', interface: 'default' });
    expect(net?.metric.node).toMatch(/^node/);
    const disk = body.data.result.find((r) => r.metric.__name__ === 'kubevirt_vmi_storage_write_traffic_bytes_total');
    expect(disk?.metric.drive).toBe('root');
    expect(await value('kubevirt_vmi_memory_domain_bytes{name="busy"}')).toBe(2 ** 30);
    expect(await value('count(kubevirt_vmi_vcpu_seconds_total{name="busy"})')).toBe(2);
    expect(await value('sum(kubevirt_vmi_phase_count{phase="running"})')).toBe(1);
  });

  it('uses the CPU its shell burns: yes in the background, stress in the foreground, until killed', async () => {
    await waitFor('an idle guest', async () => ((await cpu()) ?? 1) < 0.1);
    serial.type('yes > /dev/null &\r');
    await serial.waitFor(/\[1\] \d+/);
    await waitFor('one busy core', async () => ((await cpu()) ?? 0) > 0.9);
    serial.type('stress --cpu 4\r');
    await serial.waitFor(/dispatching hogs/);
    // Two vCPUs: five busy threads use both.
    await waitFor('both cores busy', async () => ((await cpu()) ?? 0) > 1.9);
    expect((await cpu()) ?? 0).toBeLessThan(2.2);
    serial.text = '';
    serial.type('\x03');
    await serial.waitFor(/\$ $/);
    await waitFor('back to one core', async () => Math.abs(((await cpu()) ?? 0) - 1.04) < 0.1);
    serial.text = '';
    serial.type('kill %1\r');
    await serial.waitFor(/Terminated\s+yes > \/dev\/null/);
    await waitFor('idle again', async () => ((await cpu()) ?? 1) < 0.1);
  });

  it("counts the bytes a dd writes to its disk, at the disk's rate while it runs", async () => {
    const written = () => value(`kubevirt_vmi_storage_write_traffic_bytes_total{name="busy",drive="root"}`);
    const before = (await written()) ?? 0;
    serial.text = '';
    serial.type('dd if=/dev/zero of=/var/tmp/big bs=1M count=4096\r');
    await serial.waitFor(/4096\+0 records out/);
    // 4 GiB at 180 MiB/s is 23 guest seconds: a quarter of a real second at speed 100, ~40 MiB at that rate.
    await waitFor('the writes in the counter', async () => ((await written()) ?? 0) - before > 20 * 2 ** 20);
  });
});

describe("the guest agent's user list", () => {
  it('names who is logged in on the console, and no one after logout', async () => {
    const users = async () =>
      ((await api.get(subPath(NS, 'virtualmachineinstances', 'busy', 'userlist'))).items as Array<{
        userName: string;
        loginTime: number;
      }>) ?? [];
    await waitFor(
      'the guest agent',
      async () => (await api.req('GET', subPath(NS, 'virtualmachineinstances', 'busy', 'userlist'))).status === 200,
    );
    expect(await users()).toEqual([{ userName: 'fedora', loginTime: expect.any(Number) }]);
    expect((await users())[0].loginTime).toBeGreaterThan(Date.now() / 1000 - 600);
    const info = await api.get(subPath(NS, 'virtualmachineinstances', 'busy', 'guestosinfo'));
    expect(info.userList).toEqual(await users());
    serial.type('exit\r');
    await serial.waitFor(/login: $/);
    expect(await users()).toEqual([]);
  });
});

describe("the Prometheus API's answers", () => {
  it('instant and range queries, GET and POST, in Prometheus JSON', async () => {
    const get = await prom(
      `/api/v1/query?query=${encodeURIComponent('sum by (name) (kubevirt_vmi_memory_used_bytes)')}`,
    );
    expect(get.code).toBe(200);
    expect(get.body).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
    expect(get.body.data.result[0]).toMatchObject({
      metric: { name: 'busy' },
      value: [expect.any(Number), expect.stringMatching(/^\d/)],
    });
    const now = Date.now() / 1000;
    const post = await prom('/api/v1/query_range', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        query: 'sum(rate(kubevirt_vmi_cpu_usage_seconds_total[1s]))',
        start: String(now - 2),
        end: String(now),
        step: '0.5',
      }),
    });
    expect(post.code).toBe(200);
    expect(post.body.data.resultType).toBe('matrix');
    const scalar = await prom('/api/v1/query?query=1%2B1&time=2025-01-01T00:00:00Z');
    expect(scalar.body.data).toEqual({ resultType: 'scalar', result: [1735689600, '2'] });
  });

  it('errors: 400 bad_data for bad input, 422 execution for evaluation failures', async () => {
    const cases: Array<[string, number, string, RegExp]> = [
      ['/api/v1/query?query=sum(', 400, 'bad_data', /parse error/],
      ['/api/v1/query', 400, 'bad_data', /no expression/],
      ['/api/v1/query?query=up&time=yesterday', 400, 'bad_data', /invalid parameter "time"/],
      ['/api/v1/query_range?query=up&start=0&end=100000&step=1', 400, 'bad_data', /11,000 points/],
      ['/api/v1/query_range?query=up&start=0&end=10&step=abc', 400, 'bad_data', /invalid parameter "step"/],
      ['/api/v1/query_range?query=up&start=0&end=10', 400, 'bad_data', /invalid parameter "step"/],
      [
        '/api/v1/query?query=kubevirt_vmi_vcpu_seconds_total%2Bon(name)kubevirt_vmi_vcpu_seconds_total',
        422,
        'execution',
        /many-to-many/,
      ],
      ['/api/v1/series', 400, 'bad_data', /no match\[\]/],
      ['/api/v1/label/a-b/values', 400, 'bad_data', /invalid label name/],
      ['/api/v1/admin/tsdb/delete_series', 404, 'not_found', /no such API/],
    ];
    for (const [path, code, type, message] of cases) {
      const { code: got, body } = await prom(path);
      expect(got, path).toBe(code);
      expect(body.status).toBe('error');
      expect(body.errorType, path).toBe(type);
      expect(body.error, path).toMatch(message);
    }
    const put = await fetch(cluster.prometheusUrl + '/api/v1/query?query=up', { method: 'PUT' });
    expect(put.status).toBe(405);
    const big = await fetch(cluster.prometheusUrl + '/api/v1/query', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=' + 'a'.repeat(100_000),
    });
    expect(big.status).toBe(413);
  });

  it('series, labels, label values and the /metrics text', async () => {
    const series = await prom(`/api/v1/series?match[]=${encodeURIComponent('kubevirt_vmi_memory_used_bytes')}`);
    expect(series.body.data).toEqual([
      expect.objectContaining({ __name__: 'kubevirt_vmi_memory_used_bytes', name: 'busy' }),
    ]);
    const labels = await prom('/api/v1/labels');
    expect(labels.body.data).toEqual(
      expect.arrayContaining(['__name__', 'namespace', 'name', 'node', 'drive', 'interface']),
    );
    const values = await prom('/api/v1/label/name/values');
    expect(values.body.data).toEqual(['busy']);
    const text = await (await fetch(cluster.prometheusUrl + '/metrics')).text();
    expect(text).toContain('# TYPE kubevirt_vmi_cpu_usage_seconds_total counter');
    expect(text).toMatch(/^kubevirt_vmi_memory_domain_bytes\{[^}]*name="busy"[^}]*\} 1073741824$/m);
  });
});

describe('with a users file', () => {
  it('answers 401 without a valid token, and shows a namespace viewer only its namespaces', async () => {
    const users = join(dir, 'users.yaml');
    writeFileSync(
      users,
      'users:\n  - name: admin\n    token: admin-token-0001\n    roles: [admin]\n' +
        '  - name: viewer\n    token: viewer-token-0001\n    roles:\n      - role: view\n        namespaces: [demo]\n',
    );
    const c = await startCluster({
      port: 0,
      seed: 'default',
      speed: 100,
      usersFile: users,
      log: () => undefined,
      metricsIntervalMs: 40,
    });
    try {
      const ask = (token?: string) =>
        prom(
          '/api/v1/query?query=kubevirt_vmi_info',
          token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
          c.prometheusUrl,
        );
      expect((await ask()).code).toBe(401);
      expect((await ask('wrong-token-000')).code).toBe(401);
      const namespaces = async (token: string) =>
        new Set((await ask(token)).body.data.result.map((r) => r.metric.namespace));
      await waitFor(
        'VMIs of both namespaces for the admin',
        async () => (await namespaces('admin-token-0001')).size === 2,
        30_000,
      );
      expect(await namespaces('admin-token-0001')).toEqual(new Set(['default', 'demo']));
      expect(await namespaces('viewer-token-0001')).toEqual(new Set(['demo']));
      const all = await prom(
        '/api/v1/label/namespace/values',
        { headers: { authorization: 'Bearer viewer-token-0001' } },
        c.prometheusUrl,
      );
      expect(all.body.data).toEqual(['demo']);
    } finally {
      await c.close();
    }
  }, 60_000);
});
