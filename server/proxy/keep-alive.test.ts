// Kept-alive connections: a client may reuse an idle connection for as long as the console's port
// keeps it (the embedded cluster's keeps them 65 s, as does a load balancer in front of either).
// With Node's default of 5 s, a client that reused a connection the console had just closed got
// "socket hang up" (a namespace DELETE in the e2e suite, under load).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingUpstream, startConsole, statusOf } from '../../test/support/proxy/test-servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const GET = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

/** One connection: write a request, resolve with the answer's head once it has come. */
function connection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let closed = false;
  socket.on('error', () => {});
  socket.on('close', () => (closed = true));
  closers.push(async () => void socket.destroy());
  return {
    get closed() {
      return closed;
    },
    ask(bytes: string): Promise<string> {
      received = '';
      return new Promise((resolve) => {
        const onData = (chunk: Buffer) => {
          received += chunk.toString('latin1');
          if (received.includes('\r\n\r\n')) done();
        };
        const done = () => {
          socket.off('data', onData);
          socket.off('close', done);
          resolve(received);
        };
        socket.on('data', onData);
        socket.on('close', done);
        socket.write(bytes, 'latin1');
      });
    },
  };
}

describe('keep-alive', () => {
  it('tells clients it keeps idle connections 65 s, as the embedded cluster does', async () => {
    const upstream = await recordingUpstream();
    const console_ = await startConsole(upstream.url);
    closers.push(upstream.close, console_.close);
    const head = await connection(console_.port).ask(GET);
    expect(statusOf(head)).toBe(200);
    expect(head).toMatch(/\r\nkeep-alive: timeout=65\r\n/i);
  });

  it('answers a request on a connection left idle longer than Node’s default 5 s', async () => {
    const upstream = await recordingUpstream();
    const console_ = await startConsole(upstream.url);
    closers.push(upstream.close, console_.close);
    const conn = connection(console_.port);
    expect(statusOf(await conn.ask(GET))).toBe(200);
    // idle past Node's default keepAliveTimeout (what the console used): the connection stays
    await new Promise((r) => setTimeout(r, 6_000));
    expect(conn.closed).toBe(false);
    expect(statusOf(await conn.ask(GET))).toBe(200);
  }, 20_000);
});
