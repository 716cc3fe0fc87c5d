/**
 * Address allocation for the simulated network: pod IPs from each node's pod CIDR
 * (10.244.<node index>.0/24), MAC addresses, ClusterIPs from 10.96.0.0/12, NodePorts from
 * 30000–32767 and LoadBalancer ingress IPs from 192.168.100.0/24. Every allocator keeps the set
 * of addresses in use and never hands out a duplicate.
 */

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Allocates addresses from a CIDR, skipping the network, the first host (gateway) and broadcast. */
export class CidrAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  private next = 0;

  constructor(
    readonly cidr: string,
    private readonly reservedLow = 2,
  ) {
    const [ip, bits] = cidr.split('/');
    this.size = 2 ** (32 - Number(bits));
    this.base = ipToInt(ip);
  }

  contains(ip: string): boolean {
    const n = ipToInt(ip);
    return n >= this.base && n < this.base + this.size;
  }

  /** Marks an address as in use (for objects that already carry one). */
  reserve(ip: string): boolean {
    if (!this.contains(ip)) return false;
    const off = ipToInt(ip) - this.base;
    if (this.used.has(off)) return false;
    this.used.add(off);
    return true;
  }

  release(ip: string): void {
    if (this.contains(ip)) this.used.delete(ipToInt(ip) - this.base);
  }

  has(ip: string): boolean {
    return this.contains(ip) && this.used.has(ipToInt(ip) - this.base);
  }

  allocate(): string {
    const usable = this.size - this.reservedLow - 1;
    for (let i = 0; i < usable; i++) {
      const off = this.reservedLow + ((this.next + i) % usable);
      if (!this.used.has(off)) {
        this.used.add(off);
        this.next = off - this.reservedLow + 1;
        return intToIp(this.base + off);
      }
    }
    throw new Error(`range ${this.cidr} is full`);
  }

  get inUse(): number {
    return this.used.size;
  }
}

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** NodePorts: random free ports in 30000–32767 like the API server's allocator. */
export class PortAllocator {
  private readonly used = new Set<number>();

  constructor(
    private readonly min = NODE_PORT_MIN,
    private readonly max = NODE_PORT_MAX,
    private readonly random: () => number = Math.random,
  ) {}

  reserve(port: number): boolean {
    if (port < this.min || port > this.max || this.used.has(port)) return false;
    this.used.add(port);
    return true;
  }

  release(port: number): void {
    this.used.delete(port);
  }

  has(port: number): boolean {
    return this.used.has(port);
  }

  allocate(): number {
    const span = this.max - this.min + 1;
    if (this.used.size >= span) throw new Error('range is full');
    const start = Math.floor(this.random() * span);
    for (let i = 0; i < span; i++) {
      const port = this.min + ((start + i) % span);
      if (!this.used.has(port)) {
        this.used.add(port);
        return port;
      }
    }
    throw new Error('range is full');
  }
}

/** A MAC address in QEMU's 52:54:00 space derived from a seed (stable for a VMI's uid). */
export function macFromSeed(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const bytes = [(h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff];
  return ['52', '54', '00', ...bytes.map((b) => b.toString(16).padStart(2, '0'))].join(':');
}

/** Host of an OpenShift Route without spec.host: `<name>-<namespace>.apps.<domain>`. */
export function routeHost(name: string, namespace: string, domain: string): string {
  return `${name}-${namespace}.apps.${domain}`;
}

/** The pod CIDR of the n-th node (0-based): 10.244.n.0/24. */
export function podCidrForNode(index: number): string {
  return `10.244.${index}.0/24`;
}
