/**
 * Services: LoadBalancer ingress IPs, and the Endpoints and
 * EndpointSlice that follow the pods a Service selects (for VMs: the virt-launcher pods, which
 * carry the VMI's labels plus vm.kubevirt.io/name and vmi.kubevirt.io/id, and are Ready only
 * while the VMI is Running and not paused). Cluster IPs and node ports are allocated on the write
 * by the store's Service registry (store/service-registry.ts), as kube-apiserver does.
 */
import { isDeepStrictEqual } from 'node:util';
import { ResourceKey, isNotFound, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import type { Pod, Service } from '../../kubevirt/types.js';

const COMPONENT = 'endpoint-controller';

interface SvcPort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  nodePort?: number;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function podReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The load-balancer IPs a Service's status holds, read defensively (any stored shape). */
function ingressIps(o: KObject): string[] {
  const ingress = asObject(asObject(o.status).loadBalancer).ingress;
  return Array.isArray(ingress)
    ? ingress.flatMap((i) => (typeof asObject(i).ip === 'string' && asObject(i).ip ? [asObject(i).ip as string] : []))
    : [];
}

function wellFormed(svc: Service): boolean {
  const spec: unknown = svc.spec;
  if (spec === undefined) return true;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return false;
  const { ports, selector } = spec as { ports?: unknown; selector?: unknown };
  const portsOk =
    ports === undefined || ports === null || (Array.isArray(ports) && ports.every((p) => p && typeof p === 'object'));
  const selectorOk =
    selector === undefined || selector === null || (typeof selector === 'object' && !Array.isArray(selector));
  const ingress = asObject(asObject(svc.status).loadBalancer).ingress;
  return portsOk && selectorOk && (ingress === undefined || Array.isArray(ingress));
}

export class ServiceController {
  constructor(private readonly ctx: ControllerContext) {}

  watch(): void {
    const { informers, queues, network } = this.ctx;
    informers.services.on({
      onChange: (o) => {
        for (const ip of ingressIps(o)) network.loadBalancerPool.reserve(ip);
        queues.service.add(keyOf(o));
      },
      onDelete: (o) => {
        for (const ip of ingressIps(o)) network.loadBalancerPool.release(ip);
        queues.service.add(keyOf(o));
      },
    });
    informers.pods.on({
      onChange: (pod, old) => {
        for (const svc of informers.services.byIndex('namespace', pod.metadata.namespace ?? '')) {
          const sel = svc.spec?.selector;
          if (selects(sel, pod.metadata.labels) || selects(sel, old?.metadata.labels)) queues.service.add(keyOf(svc));
        }
      },
    });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const svc = client.tryGet(ResourceKey.services, ns, name);
    if (!svc || svc.metadata.deletionTimestamp) {
      this.deleteEndpoints(ns, name);
      return;
    }
    // a spec or status of the wrong shape (never stored by kube-apiserver) is left alone
    if (!wellFormed(svc)) return;
    this.assignLoadBalancer(svc);
    this.syncEndpoints(client.tryGet(ResourceKey.services, ns, name) as Service);
  }

  /**
   * What a load-balancer implementation (MetalLB) does: an ingress IP in the status of a
   * LoadBalancer Service, taken back when the Service stops being one.
   */
  private assignLoadBalancer(svc: Service): void {
    const { client, network } = this.ctx;
    const ns = svc.metadata.namespace;
    const name = svc.metadata.name ?? '';
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if ((svc.spec?.type ?? 'ClusterIP') !== 'LoadBalancer') {
      if (!ingress.length) return;
      client.mutate(ResourceKey.services, ns, name, (o) => void (o.status = { loadBalancer: {} }), {
        subresource: 'status',
      });
      for (const i of ingress) if (i.ip) network.loadBalancerPool.release(i.ip);
      return;
    }
    if (ingress.length) return;
    const ip = network.loadBalancerPool.allocate();
    try {
      client.mutate(
        ResourceKey.services,
        ns,
        name,
        (o) => void (o.status = { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } }),
        { subresource: 'status' },
      );
    } catch (err) {
      network.loadBalancerPool.release(ip);
      throw err;
    }
    this.ctx.record(svc, 'Normal', 'IPAllocated', `Assigned IP ["${ip}"]`, 'metallb-controller');
  }

  private targetPort(port: SvcPort, pod: Pod): number {
    if (typeof port.targetPort === 'number') return port.targetPort;
    if (typeof port.targetPort === 'string') {
      for (const c of pod.spec?.containers ?? []) {
        const found = (c.ports ?? []).find((p) => p.name === port.targetPort);
        if (found) return found.containerPort;
      }
    }
    return port.port;
  }

  private syncEndpoints(svc: Service): void {
    const { client, informers } = this.ctx;
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const selector = svc.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) return;
    const pods = informers.pods
      .byIndex('namespace', ns)
      .filter((p) => selects(selector, p.metadata.labels) && p.status?.podIP && !p.metadata.deletionTimestamp)
      .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const ports = (svc.spec?.ports ?? []) as SvcPort[];
    const address = (p: Pod) => ({
      ip: p.status?.podIP,
      nodeName: p.spec?.nodeName,
      targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
    });
    const epPorts = (p: Pod | undefined) =>
      ports.map((sp) => ({
        ...(sp.name ? { name: sp.name } : {}),
        port: p ? this.targetPort(sp, p) : Number(sp.targetPort ?? sp.port),
        protocol: sp.protocol ?? 'TCP',
      }));
    const ready = pods.filter(podReady);
    const notReady = pods.filter((p) => !podReady(p));
    const subsets = pods.length
      ? [
          {
            ...(ready.length ? { addresses: ready.map(address) } : {}),
            ...(notReady.length ? { notReadyAddresses: notReady.map(address) } : {}),
            ports: epPorts(pods[0]),
          },
        ]
      : undefined;
    const labels = { ...(svc.metadata.labels ?? {}) };
    const existing = client.tryGet(ResourceKey.endpoints, ns, name);
    const body: KObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels },
      ...(subsets ? { subsets } : {}),
    };
    if (!existing) client.create(ResourceKey.endpoints, body, { fieldManager: COMPONENT });
    else if (
      !isDeepStrictEqual(existing.subsets, body.subsets) ||
      !isDeepStrictEqual(existing.metadata.labels ?? {}, labels)
    ) {
      client.update(
        ResourceKey.endpoints,
        { ...body, metadata: { ...existing.metadata, labels } },
        { fieldManager: COMPONENT },
      );
    }
    this.syncSlice(svc, pods, epPorts(pods[0]));
  }

  private syncSlice(svc: Service, pods: Pod[], ports: Array<Record<string, unknown>>): void {
    const { client } = this.ctx;
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const slices = client.list(ResourceKey.endpointSlices, {
      namespace: ns,
      labelSelector: `kubernetes.io/service-name=${name}`,
    }).items;
    const endpoints = pods.map((p) => ({
      addresses: [p.status?.podIP],
      conditions: { ready: podReady(p), serving: podReady(p), terminating: false },
      nodeName: p.spec?.nodeName,
      targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
    }));
    const labels = {
      ...(svc.metadata.labels ?? {}),
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': name,
    };
    const desired = { addressType: 'IPv4', endpoints, ports };
    const slice = slices[0];
    if (!slice) {
      client.create(
        ResourceKey.endpointSlices,
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${name}-`,
            namespace: ns,
            labels,
            ownerReferences: [
              {
                apiVersion: 'v1',
                kind: 'Service',
                name,
                uid: svc.metadata.uid ?? '',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          ...desired,
        },
        { fieldManager: 'endpointslice-controller' },
      );
      return;
    }
    if (
      isDeepStrictEqual(
        { addressType: slice.addressType, endpoints: slice.endpoints ?? [], ports: slice.ports },
        desired,
      )
    )
      return;
    client.update(ResourceKey.endpointSlices, { ...slice, ...desired }, { fieldManager: 'endpointslice-controller' });
  }

  private deleteEndpoints(ns: string | undefined, name: string): void {
    try {
      this.ctx.client.delete(ResourceKey.endpoints, ns, name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
