/** Services, Endpoints, EndpointSlices, NodePorts, LoadBalancer IPs and Routes around running VMs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { subPath, useTestCluster, vmPath, waitFor, waitPrintable } from '../../../test/support/cluster/lifecycle.js';

const { api } = useTestCluster();
const ns = 'net';
beforeAll(async () => {
  await api.createNamespace(ns);
});

const svc = (name: string, selector: Record<string, string>, type = 'ClusterIP') =>
  api.req('POST', `/api/v1/namespaces/${ns}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { type, selector, ports: [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }] },
  });

type Subset = { addresses?: Array<{ ip: string; targetRef: { name: string } }>; notReadyAddresses?: unknown[] };
const subsets = async (name: string) =>
  ((await api.get(`/api/v1/namespaces/${ns}/endpoints/${name}`)).subsets as Subset[] | undefined) ?? [];

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
    for (const [name, sel] of [
      ['by-id', { 'vmi.kubevirt.io/id': 'web' }],
      ['by-vm', { 'vm.kubevirt.io/name': 'web' }],
      ['by-label', { app: 'web' }],
    ] as const) {
      expect((await svc(name, sel)).status).toBe(201);
    }
    await waitPrintable(api, ns, 'web', 'Running');
    const vmiIp = (
      (await api.get(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/web`)).status as {
        interfaces: Array<{ ipAddress: string }>;
      }
    ).interfaces[0].ipAddress;
    for (const name of ['by-id', 'by-vm', 'by-label']) {
      await waitFor(`${name} endpoints`, async () => (await subsets(name))[0]?.addresses?.[0]?.ip === vmiIp);
      const slices = (
        await api.get(
          `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices?labelSelector=kubernetes.io/service-name=${name}`,
        )
      ).items as Array<{ endpoints: Array<{ addresses: string[]; conditions: { ready: boolean } }> }>;
      expect(slices).toHaveLength(1);
      expect(slices[0].endpoints).toEqual([
        expect.objectContaining({ addresses: [vmiIp], conditions: { ready: true, serving: true, terminating: false } }),
      ]);
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
    for (const name of names)
      expect((await svc(name, { app: name }, name.startsWith('lb') ? 'LoadBalancer' : 'NodePort')).status).toBe(201);
    const ports = await waitFor('node ports', async () => {
      const all = await Promise.all(
        names.map(
          async (name) =>
            (
              (await api.get(`/api/v1/namespaces/${ns}/services/${name}`)).spec as {
                ports: Array<{ nodePort?: number }>;
              }
            ).ports[0].nodePort,
        ),
      );
      return all.every((p) => p) ? (all as number[]) : undefined;
    });
    expect(new Set(ports).size).toBe(4);
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(30000);
      expect(p).toBeLessThanOrEqual(32767);
    }
    await waitFor('LB ingress', async () =>
      (
        (await api.get(`/api/v1/namespaces/${ns}/services/lb-1`)).status as {
          loadBalancer?: { ingress?: Array<{ ip: string }> };
        }
      ).loadBalancer?.ingress?.[0]?.ip?.startsWith('192.168.100.'),
    );
  });

  it('answers a create with the allocated IP and node port, and refuses ones another Service holds, as kube-apiserver does', async () => {
    type Spec = { clusterIP?: string; clusterIPs?: string[]; ports: Array<{ port: number; nodePort?: number }> };
    const created = await svc('alloc-1', { app: 'alloc' }, 'NodePort');
    expect(created.status).toBe(201);
    const spec = created.json.spec as Spec;
    expect(spec.clusterIP).toMatch(/^10\.96\./);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    const taken = spec.ports[0].nodePort!;
    expect(taken).toBeGreaterThanOrEqual(30000);

    const clash = await api.req('POST', `/api/v1/namespaces/${ns}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'alloc-2' },
      spec: {
        type: 'NodePort',
        clusterIP: spec.clusterIP,
        selector: { app: 'alloc' },
        ports: [{ port: 80, nodePort: taken }],
      },
    });
    expect(clash.status).toBe(422);
    expect(clash.json.message).toBe(
      `Service "alloc-2" is invalid: [spec.ports[0].nodePort: Invalid value: ${taken}: provided port is already allocated, ` +
        `spec.clusterIPs: Invalid value: ["${spec.clusterIP}"]: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated]`,
    );
    expect((await api.req('GET', `/api/v1/namespaces/${ns}/services/alloc-2`)).status).toBe(404);

    // An update that leaves them out keeps them; once the Service is gone, its port is free again.
    const current = await api.get(`/api/v1/namespaces/${ns}/services/alloc-1`);
    const replaced = await api.req('PUT', `/api/v1/namespaces/${ns}/services/alloc-1`, {
      ...current,
      spec: {
        type: 'NodePort',
        selector: { app: 'alloc' },
        ports: [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }],
      },
    });
    expect(replaced.status).toBe(200);
    expect((replaced.json.spec as Spec).clusterIP).toBe(spec.clusterIP);
    expect((replaced.json.spec as Spec).ports[0].nodePort).toBe(taken);
    expect((await api.req('DELETE', `/api/v1/namespaces/${ns}/services/alloc-1`)).status).toBe(200);
    await waitFor('the node port to be free', async () => {
      const again = await api.req('POST', `/api/v1/namespaces/${ns}/services?dryRun=All`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'alloc-3' },
        spec: { type: 'NodePort', selector: { app: 'alloc' }, ports: [{ port: 80, nodePort: taken }] },
      });
      return again.status === 201;
    });
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
      return (
        (route.status as { ingress?: Array<{ host: string }> } | undefined)?.ingress?.[0]?.host ===
        'web-net.apps.kubevirt.local'
      );
    });
  });
});
