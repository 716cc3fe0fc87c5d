// DNS rebinding: a page on attacker.example whose name resolves to the console's address reaches
// the console with `Host: attacker.example`. Raw requests, since fetch sets Host itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  raw,
  recordingUpstream,
  startConsole,
  statusOf,
  type ConsoleOptions,
} from '../../test/support/proxy/test-servers.js';
import { hostName } from './hosts.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
const staticDir = mkdtempSync(path.join(tmpdir(), 'kvc-hosts-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

async function setup(opts: ConsoleOptions = {}) {
  const upstream = await recordingUpstream();
  const wss = new WebSocketServer({ noServer: true });
  upstream.server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => ws.close()));
  const console_ = await startConsole(upstream.url, { staticDir, ...opts });
  closers.push(upstream.close, console_.close);
  const get = async (p: string, headers: string) =>
    raw(console_.port, `GET ${p} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);
  const upgrade = async (headers: string) =>
    statusOf(
      await raw(
        console_.port,
        'GET /api/kubernetes/api/v1/pods?watch=1 HTTP/1.1\r\n' +
          headers +
          'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
        (received) => received.includes('\r\n\r\n'),
      ),
    );
  return { upstream, console_, get, upgrade };
}

describe('host check (DNS rebinding)', () => {
  it('refuses a foreign Host: no page, no CSRF cookie, no API, no websocket', async () => {
    const { upstream, get, upgrade } = await setup();
    const page = await get('/', 'Host: attacker.example:8080\r\n');
    expect(statusOf(page)).toBe(403);
    expect(page).not.toMatch(/set-cookie/i);
    expect(statusOf(await get('/api/kubernetes/api/v1/namespaces', 'Host: attacker.example\r\n'))).toBe(403);
    expect(await upgrade('Host: attacker.example\r\nOrigin: http://attacker.example\r\n')).toBe(403);
    expect(upstream.seen).toEqual([]);
    // Health checks answer whatever the host (probes use the pod's address or a service name).
    expect(statusOf(await get('/readyz', 'Host: kubevirt-console.svc\r\n'))).toBe(200);
  });

  it('refuses an absolute-form or * target and a second Host header: no page, no cookie, nothing upstream', async () => {
    const { upstream, get, upgrade } = await setup();
    for (const target of [
      'http://attacker.example/',
      'http://attacker.example/api/kubernetes/api/v1/namespaces',
      '*',
    ]) {
      const page = await get(target, 'Host: 127.0.0.1\r\n');
      expect(statusOf(page)).toBe(400);
      expect(page).not.toMatch(/set-cookie/i);
    }
    for (const hosts of [
      'Host: 127.0.0.1\r\nHost: attacker.example\r\n',
      'Host: attacker.example\r\nHost: 127.0.0.1\r\n',
    ]) {
      expect(statusOf(await get('/', hosts))).toBe(400);
      expect(statusOf(await get('/api/kubernetes/api/v1/namespaces', hosts))).toBe(400);
      expect(await upgrade(hosts)).toBe(400);
    }
    expect(upstream.seen).toEqual([]);
  });

  it('answers loopback names and IP addresses, which cannot be rebound', async () => {
    const { get, upgrade } = await setup();
    for (const host of ['127.0.0.1:8080', 'localhost:8080', 'localhost', '[::1]:8080', '10.1.2.3']) {
      const page = await get('/', `Host: ${host}\r\n`);
      expect(statusOf(page), host).toBe(200);
      expect(page, host).toMatch(/set-cookie: csrf-token=/i);
    }
    expect(await upgrade('Host: localhost:8080\r\nOrigin: http://localhost:8080\r\n')).toBe(101);
  });

  it('answers the configured hosts: exact names and *.domain patterns', async () => {
    const { get } = await setup({ allowedHosts: ['console.example.com', '*.apps.example.org'] });
    const statuses: Record<string, number> = {};
    for (const host of [
      'console.example.com',
      'CONSOLE.example.com.',
      'kv.apps.example.org:443',
      'apps.example.org',
      'console.example.com.evil',
      'evilconsole.example.com',
    ]) {
      statuses[host] = statusOf(await get('/', `Host: ${host}\r\n`));
    }
    expect(statuses).toEqual({
      'console.example.com': 200,
      'CONSOLE.example.com.': 200,
      'kv.apps.example.org:443': 200,
      'apps.example.org': 403,
      'console.example.com.evil': 403,
      'evilconsole.example.com': 403,
    });
  });

  it('ignores a client-sent X-Forwarded-Host in the websocket Origin check', async () => {
    const { upgrade } = await setup();
    expect(
      await upgrade('Host: 127.0.0.1:8080\r\nOrigin: https://evil.example\r\nX-Forwarded-Host: evil.example\r\n'),
    ).toBe(403);
  });

  it('behind a trusted proxy, checks X-Forwarded-Host against the allowed hosts and matches the Origin to it', async () => {
    const { get, upgrade } = await setup({ trustForwardedHeaders: true, allowedHosts: ['console.example.com'] });
    const forwarded = 'Host: localhost:8080\r\nX-Forwarded-Host: console.example.com\r\nX-Forwarded-Proto: https\r\n';
    expect(statusOf(await get('/', forwarded))).toBe(200);
    expect(statusOf(await get('/', 'Host: localhost:8080\r\nX-Forwarded-Host: attacker.example\r\n'))).toBe(403);
    expect(await upgrade(`${forwarded}Origin: https://console.example.com\r\n`)).toBe(101);
    expect(await upgrade(`${forwarded}Origin: http://console.example.com\r\n`)).toBe(403);
    expect(await upgrade(`${forwarded}Origin: https://attacker.example\r\n`)).toBe(403);
  });
});

describe('hostName', () => {
  it('reads names, ports and IPv6 literals, and refuses what is not a host', () => {
    expect(hostName('Example.COM:8080')).toBe('example.com');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('a.example.')).toBe('a.example');
    for (const bad of ['', 'a b', 'user@host', 'host/path', 'host:port', '[::1', 'a:1:2'])
      expect(hostName(bad), bad).toBeNull();
  });
});
