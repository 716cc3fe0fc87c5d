import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configArchive, cpioNewc, guestConfig, kvcConf, networkPlan, safeHostname } from './guest-config.js';

/** Reads a newc archive back: [name, mode, data] per entry, trailer excluded. */
function readNewc(buf: Buffer): Array<{ name: string; mode: number; data: string }> {
  const out: Array<{ name: string; mode: number; data: string }> = [];
  let pos = 0;
  const align = (n: number) => (n + 3) & ~3;
  for (;;) {
    expect(buf.subarray(pos, pos + 6).toString()).toBe('070701');
    const field = (i: number) => parseInt(buf.subarray(pos + 6 + i * 8, pos + 14 + i * 8).toString(), 16);
    const mode = field(1);
    const size = field(6);
    const nameSize = field(11);
    const name = buf.subarray(pos + 110, pos + 110 + nameSize - 1).toString();
    const dataStart = align(pos + 110 + nameSize);
    if (name === 'TRAILER!!!') break;
    out.push({ name, mode, data: buf.subarray(dataStart, dataStart + size).toString() });
    pos = align(dataStart + size);
  }
  return out;
}

describe('guest configuration', () => {
  it('takes the cloud-init user, password and hostname, else the OS defaults', () => {
    const c = guestConfig({
      name: 'vm1',
      hostname: 'web-1',
      user: 'alice',
      password: 'pa ss',
      ipAddress: '10.244.1.7',
      macAddress: '02:AB:CD:00:00:01',
    });
    expect(c).toMatchObject({ hostname: 'web-1', user: 'alice', password: 'pa ss', mac: '02:ab:cd:00:00:01' });
    expect(guestConfig({ hostname: 'f', osName: 'fedora' })).toMatchObject({ user: 'fedora', password: 'fedora' });
    expect(guestConfig({ hostname: 'c', osName: 'cirros' })).toMatchObject({ user: 'cirros', password: 'gocubsgo' });
    // A user name the guest cannot have falls back to the OS default.
    expect(guestConfig({ hostname: 'x', osName: 'ubuntu', user: 'bad name;rm' }).user).toBe('ubuntu');
  });

  it('gives a stable MAC when the VMI has none', () => {
    const a = guestConfig({ name: 'vm-a', hostname: 'a' }).mac;
    expect(a).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(guestConfig({ name: 'vm-a', hostname: 'a' }).mac).toBe(a);
  });

  it('keeps hostnames to what `hostname` accepts', () => {
    expect(safeHostname('my_vm name')).toBe('my-vm-name');
    expect(safeHostname('..')).toBe('guest');
    expect(safeHostname('a'.repeat(80))).toHaveLength(64);
  });

  it('lays the slirp network around the VMI address, avoiding it for the gateway and DNS', () => {
    expect(networkPlan('10.244.1.7')).toEqual({
      address: '10.244.1.7/24',
      net: '10.244.1.0/24',
      gateway: '10.244.1.1',
      dns: '10.244.1.2',
    });
    expect(networkPlan('10.244.1.1/24')).toMatchObject({ gateway: '10.244.1.254', dns: '10.244.1.2' });
    expect(networkPlan('10.244.1.2')).toMatchObject({ gateway: '10.244.1.1', dns: '10.244.1.253' });
    expect(networkPlan(undefined)).toEqual({
      address: '10.0.2.15/24',
      net: '10.0.2.0/24',
      gateway: '10.0.2.2',
      dns: '10.0.2.3',
    });
    expect(networkPlan('fd00::5').address).toBe('10.0.2.15/24');
  });

  it('writes a kvc.conf that a POSIX shell reads back exactly, quotes and all', () => {
    const config = guestConfig({
      hostname: 'h1',
      user: 'bob',
      password: `it's "$(rm -rf /)" \`x\` \\ ok`,
      ipAddress: '10.244.0.9',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'kvc-conf-'));
    try {
      writeFileSync(path.join(dir, 'kvc.conf'), kvcConf(config));
      const out = execFileSync(
        'sh',
        [
          '-c',
          `. "${dir}/kvc.conf"; printf '%s|%s|%s|%s|%s' "$KVC_HOSTNAME" "$KVC_USER" "$KVC_PASSWORD" "$KVC_IP" "$KVC_GATEWAY"`,
        ],
        { encoding: 'utf8' },
      );
      expect(out).toBe(`h1|bob|${config.password}|10.244.0.9/24|10.244.0.1`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packs files and directories in the newc cpio format, 4-byte aligned', () => {
    const archive = cpioNewc([{ path: 'etc' }, { path: '/etc/a.txt', data: Buffer.from('hello'), mode: 0o600 }]);
    expect(archive.length % 4).toBe(0);
    expect(readNewc(archive)).toEqual([
      { name: 'etc', mode: 0o040755, data: '' },
      { name: 'etc/a.txt', mode: 0o100600, data: 'hello' },
    ]);
  });

  it('puts the per-VM settings in /etc/kvc.conf, readable by root only', () => {
    const entries = readNewc(configArchive(guestConfig({ hostname: 'db', user: 'dba', password: 'pw' })));
    const conf = entries.find((e) => e.name === 'etc/kvc.conf');
    expect(conf?.mode).toBe(0o100600);
    expect(conf?.data).toContain(`KVC_HOSTNAME='db'`);
    expect(conf?.data).toContain(`KVC_PASSWORD='pw'`);
  });
});
