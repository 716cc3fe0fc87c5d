/**
 * Address allocation for the simulated network: pod IPs from each node's pod CIDR
 * (10.244.<node index>.0/24), MAC addresses and LoadBalancer ingress IPs from 192.168.100.0/24.
 * Every allocator keeps the set of addresses in use and never hands out a duplicate. Cluster IPs
 * and node ports are allocated on the write by the store's Service registry (store/service-registry.ts).
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
