/** The guest's view of its network: what `ip a` shows, derived from the VMI's address and MAC. */
export interface GuestNetwork {
  readonly ipv4?: string;
  readonly prefixLength: number;
  readonly mac: string;
  readonly ipv6LinkLocal: string;
}

/** A locally administered MAC, stable for a given name (QEMU's 52:54:00 prefix). */
export function macFromName(name: string): string {
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const bytes = [0x52, 0x54, 0x00, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** fe80:: address built from the MAC with modified EUI-64, as the kernel does. */
export function linkLocalFromMac(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const eui = [b[0] ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 2) groups.push(((eui[i] << 8) | eui[i + 1]).toString(16));
  return `fe80::${groups.join(':')}`;
}

export function guestNetwork(
  ipAddress: string | undefined,
  macAddress: string | undefined,
  name: string,
): GuestNetwork {
  const mac = (macAddress ?? macFromName(name)).toLowerCase();
  const [ip, prefix] = (ipAddress ?? '').split('/');
  return {
    ipv4: ip || undefined,
    prefixLength: prefix ? Number(prefix) : 24,
    mac,
    ipv6LinkLocal: linkLocalFromMac(mac),
  };
}

function broadcast(ipv4: string, prefixLength: number): string {
  const n = ipv4.split('.').reduce((acc, part) => (acc << 8) | Number(part), 0) >>> 0;
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  const b = (n | (~mask >>> 0)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 0xff).join('.');
}

/** The output of `ip a` (iproute2). */
export function ipAddrOutput(net: GuestNetwork): string {
  const lines = [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host noprefixroute',
    '       valid_lft forever preferred_lft forever',
    '2: enp1s0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc fq_codel state UP group default qlen 1000',
    `    link/ether ${net.mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  if (net.ipv4) {
    lines.push(
      `    inet ${net.ipv4}/${net.prefixLength} brd ${broadcast(net.ipv4, net.prefixLength)} scope global dynamic noprefixroute enp1s0`,
      '       valid_lft 86313525sec preferred_lft 86313525sec',
    );
  }
  lines.push(
    `    inet6 ${net.ipv6LinkLocal}/64 scope link noprefixroute`,
    '       valid_lft forever preferred_lft forever',
  );
  return `${lines.join('\n')}\n`;
}

/** `ipconfig` for the Windows flavour. */
export function ipconfigOutput(net: GuestNetwork): string {
  return [
    '',
    'Windows IP Configuration',
    '',
    '',
    'Ethernet adapter Ethernet:',
    '',
    '   Connection-specific DNS Suffix  . : cluster.local',
    `   Link-local IPv6 Address . . . . . : ${net.ipv6LinkLocal}%4`,
    `   IPv4 Address. . . . . . . . . . . : ${net.ipv4 ?? '169.254.0.1'}`,
    '',
  ].join('\n');
}
