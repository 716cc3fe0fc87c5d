// Slow and unfinished uploads, attacked with raw sockets: the proxy reads bodies whole before it
// forwards them, so what they may hold at once is bounded, and a client that stops sending is cut off.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { raw, recordingUpstream, startConsole, statusOf } from '../../test/support/proxy/test-servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const BODY_LIMIT = 64 * 1024;
/** An answer's head has come (the connection is kept alive after it). */
const answered = (received: string) => received.includes('\r\n\r\n');
const post = (length: number) =>
  'POST /api/kubernetes/api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: csrf-token=t\r\nX-CSRFToken: t\r\n' +
  `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

/** A client that sends all of a body but its last byte, then waits; resolves once the console has read it. */
async function unfinishedUpload(port: number, length: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  closers.push(async () => void socket.destroy());
  await new Promise<void>((resolve) => socket.write(post(length) + 'x'.repeat(length - 1), () => resolve()));
  return socket;
}

describe('request bodies held at once', () => {
  it('answers 429 when unfinished uploads hold the budget, and serves again once they go', async () => {
    const upstream = await recordingUpstream();
    const console_ = await startConsole(upstream.url, {
      maxBodyBytes: BODY_LIMIT,
      maxBufferedBodyBytes: 2 * BODY_LIMIT,
    });
    closers.push(upstream.close, console_.close);
    const holders = [
      await unfinishedUpload(console_.port, BODY_LIMIT),
      await unfinishedUpload(console_.port, BODY_LIMIT),
    ];
    // The holders' bytes reach the console before this request's: it finds the budget taken.
    let answer = '';
    for (let attempt = 0; attempt < 50 && statusOf(answer) !== 429; attempt++) {
      answer = await raw(console_.port, post(BODY_LIMIT) + 'y'.repeat(1000), answered);
    }
    expect(statusOf(answer)).toBe(429);
    expect(answer).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(upstream.seen).toEqual([]);
    for (const s of holders) s.destroy();
    let status = 0;
    for (let attempt = 0; attempt < 200 && status !== 200; attempt++) {
      status = statusOf(await raw(console_.port, post(2) + '{}', answered));
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(200);
    expect(upstream.seen.map((r) => r.body)).toEqual(['{}']);
  });

  it('cuts off a client that stops sending its request, with 408', async () => {
    const upstream = await recordingUpstream();
    const console_ = await startConsole(upstream.url, { requestTimeoutMs: 400 });
    closers.push(upstream.close, console_.close);
    const slowBody = raw(console_.port, post(10) + '{"a');
    const slowHeaders = raw(console_.port, 'GET /api/kubernetes/api HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(statusOf(await slowBody)).toBe(408);
    expect(statusOf(await slowHeaders)).toBe(408);
    expect(upstream.seen).toEqual([]);
  });
});
