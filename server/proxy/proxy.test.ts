import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createConsoleServer } from './app.js';
import { passThroughUpstream } from './upstream.js';
import { silentLogger } from './log.js';

const closers: Array<() => Promise<void>> = [];

/** A built app of this test's own: an index page and one script of 100 KB. */
const staticDir = mkdtempSync(path.join(tmpdir(), 'kvc-proxy-test-'));
const SCRIPT = `export const rows = [${Array.from({ length: 4000 }, (_, i) => `"vm-${i}"`).join(',')}];\n`;
mkdirSync(path.join(staticDir, 'assets'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(path.join(staticDir, 'assets', 'app.js'), SCRIPT);
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A console in front of a given upstream handler. */
async function consoleFor(upstream: http.Server): Promise<{ consoleUrl: string; upstreamUrl: string }> {
  const upstreamUrl = await listen(upstream);
  const { server } = createConsoleServer({
    upstream: passThroughUpstream(upstreamUrl, 'test'),
    log: silentLogger,
    maxBodyBytes: 1024,
  });
  return { consoleUrl: await listen(server), upstreamUrl };
}

describe('API proxy', () => {
  it('streams a watch: the first event arrives before the upstream response ends', async () => {
    let finish: () => void = () => {};
    const upstream = http.createServer((req, res) => {
      expect(req.url).toBe('/apis/kubevirt.io/v1/virtualmachines?watch=1');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'a' } } }) + '\n');
      finish = () => res.end(JSON.stringify({ type: 'DELETED', object: { metadata: { name: 'a' } } }) + '\n');
    });
    const { consoleUrl } = await consoleFor(upstream);
    const res = await fetch(`${consoleUrl}/api/kubernetes/apis/kubevirt.io/v1/virtualmachines?watch=1`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"ADDED"');
    let ended = false;
    const rest = (async () => {
      let text = '';
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
      ended = true;
      return text;
    })();
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).toBe(false);
    finish();
    expect(await rest).toContain('"DELETED"');
  });

  it('ends the upstream request of a client that leaves, without calling it an upstream failure', async () => {
    let arrived!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    // An upstream that has not answered yet (a slow list) when the browser tab closes.
    const upstream = http.createServer((req) => {
      req.socket.on('close', upstreamClosed);
      arrived();
    });
    const upstreamUrl = await listen(upstream);
    const warnings: string[] = [];
    const log = { ...silentLogger, warn: (msg: string) => warnings.push(msg) };
    const { server } = createConsoleServer({
      upstream: passThroughUpstream(upstreamUrl, 'test'),
      log,
      maxBodyBytes: 1024,
    });
    const consoleUrl = await listen(server);
    const abort = new AbortController();
    const answer = fetch(`${consoleUrl}/api/kubernetes/api/v1/namespaces`, { signal: abort.signal }).catch(
      (e: Error) => e.name,
    );
    await requested;
    abort.abort();
    expect(await answer).toBe('AbortError');
    await closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings).toEqual([]);
  });

  it('forwards only Kubernetes API paths and never the browser cookies or CSRF header', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const upstream = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end('{}');
    });
    const { consoleUrl } = await consoleFor(upstream);
    const ok = await fetch(`${consoleUrl}/api/kubernetes/api/v1/namespaces`, {
      headers: { cookie: 'csrf-token=x; session=secret' },
    });
    expect(ok.status).toBe(200);
    expect(seen[0].cookie).toBeUndefined();
    for (const path of [
      '/api/kubernetes/../../etc/passwd',
      '/api/kubernetes/metrics',
      '/api/kubernetes/api%2f..%2fx',
    ]) {
      const res = await fetch(consoleUrl + path);
      expect([400, 404], path).toContain(res.status);
    }
    expect(seen).toHaveLength(1);
  });

  it('refuses state-changing requests without the CSRF token and accepts them with it', async () => {
    const methods: string[] = [];
    const upstream = http.createServer((req, res) => {
      methods.push(req.method!);
      expect(req.headers['x-csrftoken']).toBeUndefined();
      res.end('{}');
    });
    const { consoleUrl } = await consoleFor(upstream);
    const url = `${consoleUrl}/api/kubernetes/api/v1/namespaces`;
    const refused = await fetch(url, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { kind: string }).kind).toBe('Status');
    const wrong = await fetch(url, {
      method: 'POST',
      body: '{}',
      headers: { cookie: 'csrf-token=abc', 'x-csrftoken': 'abd' },
    });
    expect(wrong.status).toBe(403);
    const ok = await fetch(url, {
      method: 'POST',
      body: '{}',
      headers: { cookie: 'csrf-token=abc', 'x-csrftoken': 'abc' },
    });
    expect(ok.status).toBe(200);
    expect(methods).toEqual(['POST']);
  });

  it('answers 502 with a Status when the upstream is down', async () => {
    const { server } = createConsoleServer({
      upstream: passThroughUpstream('http://127.0.0.1:1', 'down'),
      log: silentLogger,
    });
    const res = await fetch(`${await listen(server)}/api/kubernetes/version`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { reason: string }).reason).toBe('ServiceUnavailable');
  });

  it('refuses bodies over the size limit with 413, declared or streamed', async () => {
    let reached = 0;
    const upstream = http.createServer((req, res) => {
      reached++;
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    const { consoleUrl } = await consoleFor(upstream);
    const headers = { cookie: 'csrf-token=t', 'x-csrftoken': 't', 'content-type': 'application/json' };
    const big = await fetch(`${consoleUrl}/api/kubernetes/api/v1/namespaces`, {
      method: 'POST',
      headers,
      body: 'x'.repeat(2000),
    });
    expect(big.status).toBe(413);
    const small = await fetch(`${consoleUrl}/api/kubernetes/api/v1/namespaces`, {
      method: 'POST',
      headers,
      body: 'x'.repeat(100),
    });
    expect(small.status).toBe(200);
    expect(reached).toBe(1);
  });

  it('passes the user token from an OAuth proxy through to the upstream', async () => {
    const auth: Array<string | undefined> = [];
    const upstream = http.createServer((req, res) => {
      auth.push(req.headers.authorization);
      res.end('{}');
    });
    const { consoleUrl } = await consoleFor(upstream);
    await fetch(`${consoleUrl}/api/kubernetes/version`, { headers: { 'x-forwarded-access-token': 'tok123' } });
    expect(auth).toEqual(['Bearer tok123']);
  });
});

describe('websocket proxy', () => {
  async function echoUpstream() {
    const upstream = http.createServer((_req, res) => res.end());
    const wss = new WebSocketServer({
      noServer: true,
      handleProtocols: (p) => (p.has('plain.kubevirt.io') ? 'plain.kubevirt.io' : false),
    });
    upstream.on('upgrade', (req, socket, head) => {
      if (req.url?.includes('/missing/')) {
        socket.end(
          'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"code":404000}',
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) =>
        ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })),
      );
    });
    return consoleFor(upstream);
  }
  const wsUrl = (base: string, path: string) => base.replace('http:', 'ws:') + '/api/kubernetes' + path;

  it('forwards frames keeping their type and the chosen subprotocol', async () => {
    const { consoleUrl } = await echoUpstream();
    const ws = new WebSocket(
      wsUrl(consoleUrl, '/apis/subresources.kubevirt.io/v1/namespaces/d/virtualmachineinstances/v/console'),
      ['plain.kubevirt.io'],
      {
        origin: consoleUrl,
      },
    );
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    expect(ws.protocol).toBe('plain.kubevirt.io');
    const got: Array<{ text: string; binary: boolean }> = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (d, isBinary) => {
        got.push({ text: d.toString(), binary: isBinary });
        if (got.length === 2) resolve();
      }),
    );
    ws.send(Buffer.from([104, 105]), { binary: true });
    ws.send('text', { binary: false });
    await done;
    expect(got).toEqual([
      { text: 'hi', binary: true },
      { text: 'text', binary: false },
    ]);
    ws.close();
  });

  it('refuses a foreign Origin and returns the upstream status of a failed handshake', async () => {
    const { consoleUrl } = await echoUpstream();
    const status = (path: string, origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(wsUrl(consoleUrl, path), { origin });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => {});
      });
    expect(await status('/api/v1/pods?watch=1', 'http://evil.example')).toBe(403);
    expect(await status('/api/v1/missing/x', consoleUrl)).toBe(404);
    expect(await status('/api/v1/pods?watch=1', consoleUrl)).toBe(101);
  });
});

describe('behind an OAuth proxy', () => {
  it('sends a browser without a token to log in, refuses API calls without one, and sets the CSRF cookie', async () => {
    const upstream = http.createServer((_req, res) => res.end('{}'));
    const upstreamUrl = await listen(upstream);
    const tokenOnly = {
      ...passThroughUpstream(upstreamUrl, 'user tokens'),
      requiresUserToken: true,
      credentials: (h: http.IncomingHttpHeaders) =>
        h['x-forwarded-access-token'] ? { authorization: `Bearer ${h['x-forwarded-access-token']}` } : null,
    };
    const { server } = createConsoleServer({
      upstream: tokenOnly,
      log: silentLogger,
      staticDir,
      loginUrl: '/oauth/start',
    });
    const url = await listen(server);
    const page = await fetch(`${url}/k8s/all-namespaces/virtualmachines`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/oauth/start');
    expect((await fetch(`${url}/api/kubernetes/version`)).status).toBe(401);
    const withToken = await fetch(`${url}/k8s/all-namespaces/virtualmachines`, {
      headers: { 'x-forwarded-access-token': 't' },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('set-cookie')).toMatch(/^csrf-token=[\w-]{20,}; Path=\/; SameSite=Strict/);
    expect(withToken.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(
      (await fetch(`${url}/api/kubernetes/version`, { headers: { 'x-forwarded-access-token': 't' } })).status,
    ).toBe(200);
  });
});

describe('graceful shutdown', () => {
  it('closes open websockets with 1001 and ends watches', async () => {
    const upstream = http.createServer((_req, res) => {
      res.writeHead(200);
      res.write('{"type":"ADDED"}\n');
    });
    const wss = new WebSocketServer({ noServer: true });
    upstream.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, () => {}));
    const upstreamUrl = await listen(upstream);
    const { server, drain } = createConsoleServer({
      upstream: passThroughUpstream(upstreamUrl, 't'),
      log: silentLogger,
    });
    const url = await listen(server);
    const ws = new WebSocket(url.replace('http', 'ws') + '/api/kubernetes/api/v1/pods?watch=1');
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    const watch = await fetch(`${url}/api/kubernetes/api/v1/pods?watch=1`);
    const body = watch.text();
    await drain(2000);
    expect(await closed).toBe(1001);
    expect(await body).toContain('ADDED');
  });
});

describe('static app', () => {
  it('sets the CSRF cookie on the index page whether it is asked for as / or as a deep link', async () => {
    const upstream = http.createServer((_req, res) => res.end('{}'));
    const upstreamUrl = await listen(upstream);
    const { server } = createConsoleServer({
      upstream: passThroughUpstream(upstreamUrl, 't'),
      log: silentLogger,
      staticDir,
    });
    const url = await listen(server);
    expect((await fetch(url + '/assets/missing.js')).status).toBe(404);
    for (const path of ['/', '/index.html', '/k8s/ns/default/virtualmachines']) {
      const res = await fetch(url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('set-cookie'), path).toMatch(/^csrf-token=/);
    }
  });

  it("compresses the app's files for browsers that accept it, and leaves API answers as the cluster sent them", async () => {
    const upstream = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: SCRIPT }));
    });
    const upstreamUrl = await listen(upstream);
    const { server } = createConsoleServer({
      upstream: passThroughUpstream(upstreamUrl, 't'),
      log: silentLogger,
      staticDir,
    });
    const url = await listen(server);
    const get = (p: string, encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(url + p, { headers: { 'accept-encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const zipped = await get('/assets/app.js', 'gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toContain('immutable');
    expect(zipped.body.length).toBeLessThan(SCRIPT.length / 3);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(SCRIPT);
    expect((await get('/assets/app.js', 'br, gzip')).headers['content-encoding']).toBe('br');
    const plain = await get('/assets/app.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
    const api = await get('/api/kubernetes/api/v1/namespaces', 'gzip');
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(api.body.toString('utf8'))).toEqual({ items: SCRIPT });
  });
});
