/** Services, Endpoints, EndpointSlices, NodePorts, LoadBalancer IPs and Routes around running VMs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCluster } from '../index.js';
import { Api, subPath, testCluster, vmPath, waitFor, waitPrintable } from './helpers.js';

let cluster: RunningCluster;
let api: Api;
const ns = 'net';
beforeAll(async () => {
  cluster = await testCluster();
  api = new Api(cluster.url);
  await api.req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
});
afterAll(async () => cluster?.close());

const svc = (name: string, selector: Record<string, string>, type = 'ClusterIP') =>
  api.req('POST', `/api/v1/namespaces/${ns}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { type, selector, ports: [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }] },
  });

type Subset = { addresses?: Array<{ ip: string; targetRef: { name: string } }>; notReadyAddresses?: unknown[] };
const subsets = async (name: string) => ((await api.get(`/api/v1/namespaces/${ns}/endpoints/${name}`)).subsets as Subset[] | undefined) ?? [];

describe('services', () => {
  it('endpoints and slices follow the ready VMIs a Service selects, by vmi.kubevirt.io/id, vm.kubevirt.io/name or template label', async () => {
    const r = await api.req('POST', vmPath(ns), {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'web' },
      spec: {
        runStrategy: 'Always',
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            domain: { devices: { interfaces: [{ name: 'default', masquerade: {} }] }, memory: { guest: '512Mi' } },
            networks: [{ name: 'default', pod: {} }],
            volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
          },
        },
      },
    });
    expect(r.status).toBe(201);
    for (const [name, sel] of [['by-id', { 'vmi.kubevirt.io/id': 'web' }], ['by-vm', { 'vm.kubevirt.io/name': 'web' }], ['by-label', { app: 'web' }]] as const) {
      expect((await svc(name, sel)).status).toBe(201);
    }
    await waitPrintable(api, ns, 'web', 'Running');
    const vmiIp = ((await api.get(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/web`)).status as { interfaces: Array<{ ipAddress: string }> }).interfaces[0].ipAddress;
    for (const name of ['by-id', 'by-vm', 'by-label']) {
      await waitFor(`${name} endpoints`, async () => (await subsets(name))[0]?.addresses?.[0]?.ip === vmiIp);
      const slices = (await api.get(`/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices?labelSelector=kubernetes.io/service-name=${name}`)).items as Array<{ endpoints: Array<{ addresses: string[]; conditions: { ready: boolean } }> }>;
      expect(slices).toHaveLength(1);
      expect(slices[0].endpoints).toEqual([expect.objectContaining({ addresses: [vmiIp], conditions: { ready: true, serving: true, terminating: false } })]);
    }
    const svcObj = await api.get(`/api/v1/namespaces/${ns}/services/by-id`);
    expect((svcObj.spec as { clusterIP: string }).clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);

    await api.req('PUT', subPath(ns, 'virtualmachineinstances', 'web', 'pause'), {});
    await waitFor('not ready while paused', async () => (await subsets('by-id'))[0]?.notReadyAddresses?.length === 1);
    await api.req('PUT', subPath(ns, 'virtualmachineinstances', 'web', 'unpause'), {});
    await waitFor('ready again', async () => (await subsets('by-id'))[0]?.addresses?.length === 1);

    await api.req('PUT', subPath(ns, 'virtualmachines', 'web', 'stop'), {});
    await waitPrintable(api, ns, 'web', 'Stopped');
    await waitFor('no endpoints once stopped', async () => (await subsets('by-id')).length === 0);
  });

  it('allocates distinct NodePorts in 30000-32767 and LoadBalancer ingress IPs', async () => {
    const names = ['np-1', 'np-2', 'np-3', 'lb-1'];
    for (const name of names) expect((await svc(name, { app: name }, name.startsWith('lb') ? 'LoadBalancer' : 'NodePort')).status).toBe(201);
    const ports = await waitFor('node ports', async () => {
      const all = await Promise.all(names.map(async (name) => ((await api.get(`/api/v1/namespaces/${ns}/services/${name}`)).spec as { ports: Array<{ nodePort?: number }> }).ports[0].nodePort));
      return all.every((p) => p) ? (all as number[]) : undefined;
    });
    expect(new Set(ports).size).toBe(4);
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(30000);
      expect(p).toBeLessThanOrEqual(32767);
    }
    await waitFor('LB ingress', async () => ((await api.get(`/api/v1/namespaces/${ns}/services/lb-1`)).status as { loadBalancer?: { ingress?: Array<{ ip: string }> } }).loadBalancer?.ingress?.[0]?.ip?.startsWith('192.168.100.'));
  });

  it('gives a Route without a host `<name>-<namespace>.apps.<domain>`', async () => {
    const r = await api.req('POST', `/apis/route.openshift.io/v1/namespaces/${ns}/routes`, {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'web' },
      spec: { to: { kind: 'Service', name: 'by-id' } },
    });
    expect(r.status).toBe(201);
    await waitFor('route admitted', async () => {
      const route = await api.get(`/apis/route.openshift.io/v1/namespaces/${ns}/routes/web`);
      return (route.status as { ingress?: Array<{ host: string }> } | undefined)?.ingress?.[0]?.host === 'web-net.apps.kubevirt.local';
    });
  });
});
