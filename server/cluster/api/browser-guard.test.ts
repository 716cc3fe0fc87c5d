/**
 * The embedded cluster's own port, attacked from a web page: a cross-site POST without Content-Type,
 * a websocket from a foreign Origin, a DNS-rebound Host. Raw sockets and node:http, so no client
 * library adds or hides a header.
 */
import net from 'node:net';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startCluster, type RunningCluster } from '../index.js';

let c: RunningCluster;
beforeEach(async () => {
  c = await startCluster({ port: 0, seed: 'none', log: () => {} });
});
afterEach(async () => {
  await c.close();
});

const NS = '/api/v1/namespaces';
const nsBody = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** One request written byte for byte on a fresh socket; resolves with the status code and body. */
function raw(lines: string[], body = ''): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(c.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      resolve({ code: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    s.on('error', reject);
    s.write(
      `${[...lines, 'Connection: close', `Content-Length: ${Buffer.byteLength(body)}`].join('\r\n')}\r\n\r\n${body}`,
    );
  });
}

/** The HTTP status of a websocket handshake (101 when it opened). */
function handshake(ws: WebSocket): Promise<number> {
  return new Promise<number>((resolve) => {
    ws.on('error', () => resolve(-1));
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
  });
}

const exists = (name: string) => c.store.tryGet('namespaces', undefined, name) !== undefined;

describe('requests from web pages on the cluster port', () => {
  it('refuses a cross-site POST without Content-Type (a form or no-cors fetch) and creates nothing', async () => {
    const r = await raw(
      [
        `POST ${NS} HTTP/1.1`,
        `Host: 127.0.0.1:${c.port}`,
        'Origin: https://evil.example',
        'Sec-Fetch-Site: cross-site',
        'Sec-Fetch-Mode: no-cors',
      ],
      nsBody('from-evil'),
    );
    expect(r.code).toBe(403);
    expect(r.text).toContain('"reason":"Forbidden"');
    expect(exists('from-evil')).toBe(false);
  });

  it('refuses any Origin, and Sec-Fetch-Site same-site or cross-site, on every verb', async () => {
    const host = `Host: localhost:${c.port}`;
    for (const headers of [
      ['Origin: null'],
      [`Origin: http://localhost:${c.port + 1}`],
      ['Sec-Fetch-Site: same-site'],
      ['Sec-Fetch-Site: cross-site'],
    ]) {
      expect((await raw([`GET ${NS} HTTP/1.1`, host, ...headers])).code).toBe(403);
      expect(
        (await raw([`POST ${NS} HTTP/1.1`, host, 'Content-Type: application/json', ...headers], nsBody('nope'))).code,
      ).toBe(403);
    }
    expect(exists('nope')).toBe(false);
  });

  it('refuses a websocket watch from a foreign Origin', async () => {
    expect(
      await handshake(new WebSocket(`ws://127.0.0.1:${c.port}${NS}?watch=true`, { origin: 'https://evil.example' })),
    ).toBe(403);
  });

  it('refuses an absolute-form target and a second Host header with 400 (RFC 9112 3.2), creating nothing', async () => {
    const target = await raw(
      [`POST http://attacker.example${NS} HTTP/1.1`, `Host: 127.0.0.1:${c.port}`, 'Content-Type: application/json'],
      nsBody('absolute'),
    );
    expect(target.code).toBe(400);
    const twoHosts = await raw(
      [`POST ${NS} HTTP/1.1`, `Host: 127.0.0.1:${c.port}`, 'Host: attacker.example', 'Content-Type: application/json'],
      nsBody('two-hosts'),
    );
    expect(twoHosts.code).toBe(400);
    expect(exists('absolute') || exists('two-hosts')).toBe(false);
    expect((await raw([`GET ${NS} HTTP/1.1`, `Host: 127.0.0.1:${c.port}`])).code).toBe(200);
  });

  it('refuses a DNS-rebound Host (a name other than loopback names and addresses)', async () => {
    for (const host of [`attacker.example:${c.port}`, 'localhost.attacker.example', 'bad host']) {
      const r = await raw([`GET ${NS} HTTP/1.1`, `Host: ${host}`]);
      expect(r.code, host).toBe(403);
      expect(r.text).toContain('is not served');
    }
    expect(
      await handshake(
        new WebSocket(`ws://127.0.0.1:${c.port}${NS}?watch=true`, { headers: { host: 'attacker.example' } }),
      ),
    ).toBe(403);
  });
});

describe('API clients on the cluster port', () => {
  it('serves kubectl-style requests (no Origin) by loopback name or address, and defaults a missing Content-Type to JSON', async () => {
    for (const [i, host] of [`127.0.0.1:${c.port}`, `localhost:${c.port}`, `[::1]:${c.port}`, 'LOCALHOST'].entries()) {
      const r = await raw([`POST ${NS} HTTP/1.1`, `Host: ${host}`, 'User-Agent: kubectl/v1.32.0'], nsBody(`ok-${i}`));
      expect(r.code, host).toBe(201);
    }
    expect(exists('ok-0') && exists('ok-3')).toBe(true);
  });

  it('serves proxied requests: no Origin, and a forwarded Sec-Fetch-Site: same-origin is no reason to refuse', async () => {
    const r = await raw(
      [
        `POST ${NS} HTTP/1.1`,
        `Host: 127.0.0.1:${c.port}`,
        'Content-Type: application/json',
        'Sec-Fetch-Site: same-origin',
        'Sec-Fetch-Mode: cors',
      ],
      nsBody('proxied'),
    );
    expect(r.code).toBe(201);
    const ws = new WebSocket(`ws://127.0.0.1:${c.port}${NS}?watch=true`, {
      headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'websocket' },
    });
    const first = await new Promise<string>((resolve, reject) => {
      ws.once('message', (d) => resolve(String(d)));
      ws.once('unexpected-response', (_q, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    ws.close();
    expect(JSON.parse(first).type).toBe('ADDED');
  });

  it("serves a websocket watch and a write whose Origin is the port's own (the console's proxy sends it, as kube-apiserver requires one)", async () => {
    const own = `http://127.0.0.1:${c.port}`;
    expect(await handshake(new WebSocket(`ws://127.0.0.1:${c.port}${NS}?watch=true`, { origin: own }))).toBe(101);
    const r = await raw(
      [`POST ${NS} HTTP/1.1`, `Host: 127.0.0.1:${c.port}`, `Origin: ${own}`, 'Content-Type: application/json'],
      nsBody('own-origin'),
    );
    expect(r.code).toBe(201);
    // The same origin sent to another name of the port is not its own.
    expect((await raw([`GET ${NS} HTTP/1.1`, `Host: localhost:${c.port}`, `Origin: ${own}`])).code).toBe(403);
  });

  it('serves names given with allowedHosts (and the name it listens on)', async () => {
    const other = await startCluster({
      port: 0,
      seed: 'none',
      log: () => {},
      allowedHosts: ['console-cluster.internal'],
    });
    try {
      const get = (host: string) =>
        new Promise<number>((resolve, reject) => {
          http
            .get(`${other.url}${NS}`, { headers: { host } }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            })
            .on('error', reject);
        });
      expect(await get('console-cluster.internal:8001')).toBe(200);
      expect(await get('elsewhere.internal')).toBe(403);
    } finally {
      await other.close();
    }
  });
});
