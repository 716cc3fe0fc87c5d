/**
 * What kube-apiserver's Service storage does when a Service is written (pkg/registry/core/service):
 * it allocates the cluster IP and node ports on the request itself, so the answer to a create
 * already carries them, keeps them on an update that leaves them out, refuses an explicit node
 * port or cluster IP that another Service holds ("provided port is already allocated") and a
 * changed cluster IP ("may not change once set"), and sets the defaults of the Service's spec.
 *
 * What is allocated is read from the stored Services themselves: `track` follows every committed
 * change, so an address is held exactly while a stored Service carries it. A write that fails
 * after allocation, a dry run, a node port changed by an update and a deleted Service hold
 * nothing: there is no second bookkeeping to leak or to fall out of step (kube-apiserver needs a
 * repair loop for that). Endpoints and load-balancer IPs stay with the Service controller.
 */
import { invalidStatus, type FieldError } from '../admission/status.js';
import { errors, StatusError } from './status.js';
import type { KObject } from './types.js';

export const SERVICE_CIDR = '10.96.0.0/16';
/** Dynamic allocation starts above the well-known addresses (10.96.0.1 API, 10.96.0.10 DNS). */
const DYNAMIC_IP_OFFSET = 11;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

interface Port {
  port?: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
  [key: string]: unknown;
}

interface Spec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: Port[];
  [key: string]: unknown;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipToInt = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
const intToIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const usesNodePorts = (type: string) => type === 'NodePort' || type === 'LoadBalancer';
const portKey = (p: Port) => `${String(p.port)}/${String(p.protocol ?? 'TCP')}`;
const specOf = (o: KObject | undefined) => (o?.spec ?? {}) as Spec;
const keyOf = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

function heldIp(spec: Spec): string | undefined {
  const ip = spec.clusterIP;
  return ip && ip !== 'None' && IPV4.test(ip) ? ip : undefined;
}

function heldPorts(spec: Spec): number[] {
  if (!usesNodePorts(spec.type ?? 'ClusterIP')) return [];
  return (spec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => typeof p === 'number' && p > 0);
}

export class ServiceRegistry {
  private readonly base = ipToInt(SERVICE_CIDR.split('/')[0]);
  private readonly size = 2 ** (32 - Number(SERVICE_CIDR.split('/')[1]));
  /** Cluster IP (as a number) and node port -> the `namespace/name` of the Service holding it. */
  private readonly ips = new Map<number, string>();
  private readonly ports = new Map<number, string>();
  private nextIp = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** Follows a committed change of a Service (or a Service loaded from disk: `prev` undefined). */
  track(prev: KObject | undefined, next: KObject | undefined): void {
    if (prev) {
      const ip = heldIp(specOf(prev));
      if (ip && this.ips.get(ipToInt(ip)) === keyOf(prev)) this.ips.delete(ipToInt(ip));
      for (const p of heldPorts(specOf(prev))) if (this.ports.get(p) === keyOf(prev)) this.ports.delete(p);
    }
    if (next) {
      const ip = heldIp(specOf(next));
      if (ip) this.ips.set(ipToInt(ip), keyOf(next));
      for (const p of heldPorts(specOf(next))) this.ports.set(p, keyOf(next));
    }
  }

  /** Addresses held now (for tests and the bench). */
  get inUse(): { ips: number; nodePorts: number } {
    return { ips: this.ips.size, nodePorts: this.ports.size };
  }

  /**
   * The Service as it will be stored: defaults set, the values an update left out kept, the
   * missing cluster IP and node ports allocated. Throws 422 for values held by another Service.
   */
  prepare(operation: 'CREATE' | 'UPDATE', obj: KObject, old: KObject | undefined): KObject {
    const out = structuredClone(obj);
    const spec: Spec = ((out as { spec?: Spec }).spec ??= {});
    const type = (spec.type ??= 'ClusterIP');
    const oldSpec = specOf(old);
    if (operation === 'UPDATE') this.keepAllocated(spec, oldSpec, type);
    setDefaults(spec, type);
    if (type === 'ExternalName') return out;

    const self = keyOf(out);
    const errs: FieldError[] = [];
    const wanted = new Set<number>();
    if (usesNodePorts(type)) {
      (spec.ports ?? []).forEach((p, i) => {
        if (!p.nodePort || wanted.has(p.nodePort)) return; // the same port twice in one Service is validation's
        wanted.add(p.nodePort);
        const holder = this.ports.get(p.nodePort);
        if (holder && holder !== self) {
          errs.push({
            type: 'Invalid',
            field: `spec.ports[${i}].nodePort`,
            value: p.nodePort,
            detail: 'provided port is already allocated',
          });
        }
      });
    }
    const ip = spec.clusterIP;
    if (ip && ip !== 'None') this.checkIp(ip, spec, oldSpec, type, self, errs);
    if (errs.length) throw new StatusError(invalidStatus('', 'Service', out.metadata.name ?? '', errs));

    if (!ip) {
      spec.clusterIP = this.allocateIp();
      spec.clusterIPs = [spec.clusterIP];
    } else spec.clusterIPs ??= [ip];
    if (usesNodePorts(type)) {
      spec.ports = (spec.ports ?? []).map((p) => {
        if (p.nodePort) return p;
        const nodePort = this.allocatePort(wanted);
        wanted.add(nodePort);
        return { ...p, nodePort };
      });
    }
    return out;
  }

  /** An update that leaves the allocated values out keeps them (the registry's patchAllocatedValues). */
  private keepAllocated(spec: Spec, old: Spec, type: string): void {
    if (!spec.clusterIP && old.clusterIP && type !== 'ExternalName' && old.type !== 'ExternalName') {
      spec.clusterIP = old.clusterIP;
      spec.clusterIPs ??= old.clusterIPs;
    }
    if (!usesNodePorts(type) || !usesNodePorts(old.type ?? 'ClusterIP')) return;
    const previous = new Map((old.ports ?? []).filter((p) => p.nodePort).map((p) => [portKey(p), p.nodePort]));
    spec.ports = (spec.ports ?? []).map((p) =>
      p.nodePort || !previous.has(portKey(p)) ? p : { ...p, nodePort: previous.get(portKey(p)) },
    );
  }

  private checkIp(ip: string, spec: Spec, old: Spec, type: string, self: string, errs: FieldError[]): void {
    const list = spec.clusterIPs ?? [ip];
    if (old.clusterIP && old.clusterIP !== ip && old.type !== 'ExternalName' && type !== 'ExternalName') {
      errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: list, detail: 'may not change once set' });
      return;
    }
    if (!IPV4.test(ip)) {
      errs.push({
        type: 'Invalid',
        field: 'spec.clusterIPs[0]',
        value: ip,
        detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      });
      return;
    }
    const n = ipToInt(ip);
    if (n < this.base || n >= this.base + this.size) {
      const detail = `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
      errs.push({ type: 'Invalid', field: 'spec.clusterIPs', value: list, detail });
      return;
    }
    const holder = this.ips.get(n);
    if (holder && holder !== self) {
      errs.push({
        type: 'Invalid',
        field: 'spec.clusterIPs',
        value: list,
        detail: `failed to allocate IP ${ip}: provided IP is already allocated`,
      });
    }
  }

  private allocateIp(): string {
    const usable = this.size - DYNAMIC_IP_OFFSET - 1;
    for (let i = 0; i < usable; i++) {
      const off = DYNAMIC_IP_OFFSET + ((this.nextIp + i) % usable);
      if (!this.ips.has(this.base + off)) {
        this.nextIp = off - DYNAMIC_IP_OFFSET + 1;
        return intToIp(this.base + off);
      }
    }
    throw errors.internal('failed to allocate a serviceIP: range is full');
  }

  private allocatePort(taken: Set<number>): number {
    const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    const start = Math.floor(this.random() * span);
    for (let i = 0; i < span; i++) {
      const port = NODE_PORT_MIN + ((start + i) % span);
      if (!this.ports.has(port) && !taken.has(port)) return port;
    }
    throw errors.internal('failed to allocate a nodePort: range is full');
  }
}

/** kube-apiserver's defaults for a Service's spec (SetDefaults_Service and the registry's IP families). */
function setDefaults(spec: Spec, type: string): void {
  spec.sessionAffinity ??= 'None';
  spec.ports = (spec.ports ?? []).map((p) => ({
    ...p,
    protocol: p.protocol ?? 'TCP',
    ...(p.targetPort === undefined && p.port ? { targetPort: p.port } : {}),
  }));
  if (type === 'ExternalName') return;
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.clusterIP !== 'None' || spec.clusterIPs) {
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  if (usesNodePorts(type)) spec.externalTrafficPolicy ??= 'Cluster';
}
