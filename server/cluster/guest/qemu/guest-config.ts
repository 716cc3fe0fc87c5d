/**
 * What the tiny guest learns about its VM: hostname, cloud-init user and password, network.
 * The backend writes it as /etc/kvc.conf into a small uncompressed cpio archive placed in front
 * of the guest's initramfs (the kernel unpacks concatenated archives), so the password is not on
 * the kernel command line; the guest's /init reads it, creates the user and deletes the file.
 */
import { macFromName } from '../network-facts.js';
import { osProfile } from '../os-profiles.js';
import type { GuestOptions } from '../types.js';

export interface GuestConfig {
  hostname: string;
  user: string;
  password: string;
  network: GuestNetworkPlan;
  mac: string;
}

/** The guest's eth0 on QEMU's user-mode network (slirp), laid out around the VMI's IP. */
export interface GuestNetworkPlan {
  /** `10.244.1.7/24`, or slirp's default guest address when the VMI has none. */
  address: string;
  /** The slirp network (`10.244.1.0/24`). */
  net: string;
  gateway: string;
  dns: string;
}

const USER_NAME = /^[a-z_][a-z0-9_.-]{0,31}$/i;

/** A hostname the guest can set: letters, digits, dots and dashes, at most 64 characters. */
export function safeHostname(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9.-]/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 64);
  return cleaned || 'guest';
}

/** Slirp needs the guest, its gateway and its DNS address in one network: a /24 around the IP. */
export function networkPlan(ipAddress: string | undefined): GuestNetworkPlan {
  const ip = (ipAddress ?? '').split('/')[0];
  const octets = ip.split('.').map(Number);
  const valid =
    octets.length === 4 &&
    octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255) &&
    octets[3] !== 0 &&
    octets[3] !== 255;
  if (!valid) return { address: '10.0.2.15/24', net: '10.0.2.0/24', gateway: '10.0.2.2', dns: '10.0.2.3' };
  const base = octets.slice(0, 3).join('.');
  const host = octets[3];
  return {
    address: `${ip}/24`,
    net: `${base}.0/24`,
    gateway: `${base}.${host === 1 ? 254 : 1}`,
    dns: `${base}.${host === 2 ? 253 : 2}`,
  };
}

export function guestConfig(options: GuestOptions): GuestConfig {
  const profile = osProfile(options.osName);
  const user = options.user && USER_NAME.test(options.user) ? options.user : profile.defaultUser.toLowerCase();
  return {
    hostname: safeHostname(options.hostname),
    user: USER_NAME.test(user) ? user : 'user',
    password: options.password ?? profile.defaultPassword,
    network: networkPlan(options.ipAddress),
    mac: (options.macAddress ?? macFromName(options.name ?? options.hostname)).toLowerCase(),
  };
}

/** A POSIX shell single-quoted word. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** /etc/kvc.conf: shell variable assignments the guest's /init sources. */
export function kvcConf(config: GuestConfig): string {
  const vars: [string, string][] = [
    ['KVC_HOSTNAME', config.hostname],
    ['KVC_USER', config.user],
    ['KVC_PASSWORD', config.password],
    ['KVC_IP', config.network.address],
    ['KVC_GATEWAY', config.network.gateway],
    ['KVC_DNS', config.network.dns],
  ];
  return vars.map(([k, v]) => `${k}=${shellQuote(v)}\n`).join('');
}

export interface CpioEntry {
  path: string;
  /** File contents; directories have none. */
  data?: Buffer;
  /** Permission bits (default 0o644 for files, 0o755 for directories). */
  mode?: number;
}

function pad4(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4);
}

/** An uncompressed cpio archive in the "newc" format the kernel's initramfs unpacker reads. */
export function cpioNewc(entries: CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  const add = (name: string, mode: number, data: Buffer, ino: number) => {
    const fields = [ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, Buffer.byteLength(name) + 1, 0];
    const header = Buffer.from('070701' + fields.map((f) => f.toString(16).padStart(8, '0')).join(''), 'ascii');
    const nameBytes = Buffer.concat([Buffer.from(name, 'utf8'), Buffer.alloc(1)]);
    parts.push(header, nameBytes, pad4(header.length + nameBytes.length), data, pad4(data.length));
  };
  entries.forEach((e, i) => {
    const dir = e.data === undefined;
    add(
      e.path.replace(/^\/+/, ''),
      (dir ? 0o040000 : 0o100000) | (e.mode ?? (dir ? 0o755 : 0o644)),
      e.data ?? Buffer.alloc(0),
      i + 1,
    );
  });
  add('TRAILER!!!', 0, Buffer.alloc(0), 0);
  return Buffer.concat(parts);
}

/** The per-VM archive: /etc/kvc.conf (mode 0600). */
export function configArchive(config: GuestConfig): Buffer {
  return cpioNewc([{ path: 'etc' }, { path: 'etc/kvc.conf', data: Buffer.from(kvcConf(config), 'utf8'), mode: 0o600 }]);
}
