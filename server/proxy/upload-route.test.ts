// The console's upload route against a stand-in for CDI's upload proxy: what is forwarded, what is
// refused before any byte flows, backpressure, a client that leaves, and memory that stays flat.
import http from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLogger } from './log.js';
import { listen, startConsole, type Running } from '../../test/support/proxy/test-servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJuYW1lIjoiZGlzayJ9.c2lnbmF0dXJl';
const MiB = 2 ** 20;

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bytes: number;
  complete: boolean;
}

/** A stand-in for cdi-uploadproxy: counts the bytes of each upload, then answers as `answer` says. */
async function fakeUploadProxy(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, s) => s.end(),
) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const entry: Seen = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      bytes: 0,
      complete: false,
    };
    seen.push(entry);
    req.on('data', (c: Buffer) => (entry.bytes += c.length));
    req.on('end', () => {
      entry.complete = true;
      answer(req, res);
    });
    req.on('error', () => {});
  });
  return { ...(await listen(server)), server, seen };
}

async function consoleFor(proxy: Running | undefined, opts: Parameters<typeof startConsole>[1] = {}) {
  const lines: string[] = [];
  const c = await startConsole('http://127.0.0.1:9', {
    log: jsonLogger((l) => lines.push(l)),
    uploadProxy: proxy ? { url: new URL(proxy.url), description: 'test' } : undefined,
    ...opts,
  });
  closers.push(c.close);
  return { ...c, lines };
}

interface Sent {
  status: number;
  body: string;
}

/** POSTs `body` (bytes, or a stream with `length`) to the console's upload route. */
function upload(
  port: number,
  body: Buffer | Readable,
  opts: { path?: string; headers?: Record<string, string>; length?: number } = {},
): Promise<Sent> {
  const length = Buffer.isBuffer(body) ? body.length : opts.length;
  const headers: Record<string, string> = {
    cookie: 'csrf-token=t',
    'x-csrftoken': 't',
    'x-cdi-upload-token': TOKEN,
    'content-type': 'application/octet-stream',
    ...(length !== undefined ? { 'content-length': String(length) } : {}),
    ...opts.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      { port, host: '127.0.0.1', method: 'POST', path: opts.path ?? '/api/cdi-upload/v1beta1/upload', headers },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

/** `total` zero bytes in 1 MiB chunks, made as they are read; `pulled` says how many were read. */
function zeros(total: number): Readable & { pulled: number } {
  const chunk = Buffer.alloc(MiB);
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(MiB, total - sent);
      sent += n;
      stream.pulled = sent;
      this.push(n === MiB ? chunk : chunk.subarray(0, n));
    },
  }) as Readable & { pulled: number };
  stream.pulled = 0;
  return stream;
}

/** Resolves once `value()` stops changing over a few polls (a stalled stream), or fails after many. */
async function settled(value: () => number): Promise<number> {
  let last = -1;
  let same = 0;
  for (let i = 0; i < 400 && same < 5; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const v = value();
    same = v === last ? same + 1 : 0;
    last = v;
  }
  return last;
}

describe('console upload route', () => {
  it('streams the body to the upload proxy with the token as a bearer, sync and async', async () => {
    const proxy = await fakeUploadProxy((req, res) => res.end(`ok ${req.url}`));
    closers.push(proxy.close);
    const c = await consoleFor(proxy);
    const body = Buffer.from('QFI\xfb' + 'x'.repeat(5000), 'latin1');
    expect(await upload(c.port, body)).toEqual({ status: 200, body: 'ok /v1beta1/upload' });
    expect(await upload(c.port, body, { path: '/api/cdi-upload/v1beta1/upload-async' })).toEqual({
      status: 200,
      body: 'ok /v1beta1/upload-async',
    });
    expect(proxy.seen.map((s) => [s.method, s.url, s.bytes, s.headers.authorization])).toEqual([
      ['POST', '/v1beta1/upload', body.length, `Bearer ${TOKEN}`],
      ['POST', '/v1beta1/upload-async', body.length, `Bearer ${TOKEN}`],
    ]);
    // The console's own cookies, CSRF token and upload token header stay behind.
    expect(proxy.seen[0].headers.cookie).toBeUndefined();
    expect(proxy.seen[0].headers['x-cdi-upload-token']).toBeUndefined();
    expect(proxy.seen[0].headers['content-type']).toBe('application/octet-stream');
    expect(c.lines.join('\n')).not.toContain(TOKEN);
    expect(c.lines.some((l) => JSON.parse(l).msg === 'upload')).toBe(true);
  });

  it("passes CDI's refusals back with its status and message", async () => {
    const proxy = await fakeUploadProxy((req, res) => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
      res.writeHead(503, { 'content-type': 'text/plain' }).end('PVC disk is not an upload target');
    });
    closers.push(proxy.close);
    const c = await consoleFor(proxy);
    expect(await upload(c.port, Buffer.from('abc'))).toEqual({ status: 503, body: 'PVC disk is not an upload target' });
    const wrong = await upload(c.port, Buffer.from('abc'), { headers: { 'x-cdi-upload-token': 'not.the.token' } });
    expect(wrong.status).toBe(401);
  });

  it('refuses before any byte flows: CSRF, foreign origin, no token, too large, unknown path, GET', async () => {
    const proxy = await fakeUploadProxy();
    closers.push(proxy.close);
    const c = await consoleFor(proxy, { maxUploadBytes: 1000 });
    const small = Buffer.from('abc');
    const status = async (...args: Parameters<typeof upload>) => (await upload(...args)).status;
    expect(await status(c.port, small, { headers: { 'x-csrftoken': 'other' } })).toBe(403);
    expect(await status(c.port, small, { headers: { origin: 'https://evil.example' } })).toBe(403);
    expect(await status(c.port, small, { headers: { 'x-cdi-upload-token': '' } })).toBe(400);
    expect(await status(c.port, small, { headers: { 'x-cdi-upload-token': 'bad token\u00e9' } })).toBe(400);
    expect(await status(c.port, Buffer.alloc(1001))).toBe(413);
    expect(await status(c.port, small, { path: '/api/cdi-upload/v1beta1/upload-form' })).toBe(404);
    expect(await status(c.port, small, { path: '/api/cdi-upload/../kubernetes/api' })).not.toBe(200);
    // A chunked body past the limit is cut off as it flows.
    expect(await status(c.port, zeros(4000), { length: undefined })).toBe(413);
    expect(proxy.seen.filter((s) => s.complete)).toEqual([]);
    // Same origin is fine.
    expect(await status(c.port, small, { headers: { origin: `http://127.0.0.1:${c.port}` } })).toBe(200);
  });

  it('answers 503 with a reason when no upload proxy is configured', async () => {
    const c = await consoleFor(undefined, {
      uploadProxy: { unavailable: 'no CDI upload proxy is configured for this cluster' },
    });
    const sent = await upload(c.port, Buffer.from('abc'));
    expect(sent.status).toBe(503);
    expect(JSON.parse(sent.body).message).toMatch(/no CDI upload proxy/);
  });

  it('holds back the client while the upload proxy does not read (backpressure), then delivers everything', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const proxy = await fakeUploadProxy();
    proxy.server.removeAllListeners('request');
    let received = 0;
    proxy.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      req.pause();
      void gate.then(() => {
        req.on('data', (c: Buffer) => (received += c.length));
        req.on('end', () => res.end('done'));
        req.resume();
      });
    });
    closers.push(proxy.close);
    const c = await consoleFor(proxy);
    const total = 512 * MiB;
    const body = zeros(total);
    const sent = upload(c.port, body, { length: total });
    const held = await settled(() => body.pulled);
    // Only socket and stream buffers are in flight, not the file.
    expect(held).toBeLessThan(64 * MiB);
    release();
    expect(await sent).toEqual({ status: 200, body: 'done' });
    expect(received).toBe(total);
  });

  it('ends the upstream upload when the client goes away mid-way', async () => {
    const proxy = await fakeUploadProxy();
    const aborted = new Promise<boolean>((resolve) => {
      proxy.server.prependListener('request', (req: http.IncomingMessage) => {
        req.on('aborted', () => resolve(true));
        req.on('end', () => resolve(false));
      });
    });
    closers.push(proxy.close);
    const c = await consoleFor(proxy);
    const req = http.request({
      port: c.port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/cdi-upload/v1beta1/upload',
      headers: { cookie: 'csrf-token=t', 'x-csrftoken': 't', 'x-cdi-upload-token': TOKEN, 'content-length': '100000' },
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(1000));
    for (let i = 0; i < 200 && !(proxy.seen[0]?.bytes > 0); i++) await new Promise((r) => setTimeout(r, 20));
    req.destroy();
    expect(await aborted).toBe(true);
    expect(proxy.seen[0].complete).toBe(false);
    for (let i = 0; i < 200 && !c.lines.some((l) => l.includes('aborted')); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(c.lines.some((l) => JSON.parse(l).msg === 'upload aborted by the client')).toBe(true);
  });

  it('keeps memory flat while a large body streams through', async () => {
    const proxy = await fakeUploadProxy((_req, res) => res.end('ok'));
    closers.push(proxy.close);
    const c = await consoleFor(proxy);
    const total = 1024 * MiB;
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const sent = await upload(c.port, zeros(total), { length: total });
    clearInterval(sampler);
    expect(sent.status).toBe(200);
    expect(proxy.seen[0].bytes).toBe(total);
    // The whole body would be 1 GiB; the console holds a few buffers at a time.
    expect(peak - before).toBeLessThan(200 * MiB);
  });
});
