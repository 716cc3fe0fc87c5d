// Hostile websocket clients, attacked with raw sockets where a client library would refuse to
// send the bytes: a malformed handshake never reaches the upstream nor ends the process, the
// upstream side never outlives the client's, and one client cannot make the console buffer
// without bound.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { jsonLogger } from './log.js';
import { listen, raw, startConsole, statusOf } from '../../test/support/proxy/test-servers.js';

/** The documented limits: 1 MiB per browser message, 16 MiB waiting unsent towards one side. */
const MAX_CLIENT_MESSAGE = 1024 * 1024;
const MAX_BUFFERED = 16 * 1024 * 1024;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/**
 * An upstream that records each handshake and each upstream-side websocket with how it closed;
 * `hold` delays completing handshakes until it resolves.
 */
async function wsUpstream(opts: { hold?: () => Promise<void>; onOpen?: (ws: WebSocket) => void } = {}) {
  const logLines: string[] = [];
  const handshakes: string[] = [];
  const closes: number[] = [];
  const received: number[] = [];
  const server = http.createServer((_req, res) => res.end('{}'));
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => [...p][0] ?? false });
  server.on('upgrade', (req, socket, head) => {
    handshakes.push(`${req.url} ${req.headers['sec-websocket-protocol'] ?? ''}`);
    void (opts.hold ?? (async () => {}))().then(() =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('message', (d: Buffer) => received.push(d.length));
        ws.on('close', (code) => closes.push(code));
        opts.onOpen?.(ws);
      }),
    );
  });
  const running = await listen(server);
  const console_ = await startConsole(running.url, { log: jsonLogger((line) => logLines.push(line)) });
  closers.push(running.close, console_.close);
  return { console_, handshakes, closes, received, logLines };
}

const PATH = '/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/d/virtualmachineinstances/v/console';
const handshake = (
  extra: string,
  base = 'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
) => `GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n${base}${extra}\r\n`;

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe('websocket handshakes', () => {
  it('refuses duplicated or malformed subprotocols with 400, and the console keeps serving', async () => {
    const { console_, handshakes } = await wsUpstream();
    for (const protocols of ['a, a', 'plain.kubevirt.io,plain.kubevirt.io', 'a,,b', 'a b', '']) {
      const answer = await raw(console_.port, handshake(`Sec-WebSocket-Protocol: ${protocols}\r\n`));
      expect(statusOf(answer), protocols).toBe(400);
    }
    expect(handshakes).toEqual([]);
    expect((await fetch(`${console_.url}/healthz`)).status).toBe(200);
  });

  it('refuses malformed handshakes with 400 before opening anything upstream', async () => {
    const { console_, handshakes } = await wsUpstream();
    const cases = {
      'no key': 'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n',
      'bad key': 'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short\r\n',
      'version 8': 'Upgrade: websocket\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
      h2c: 'Upgrade: h2c\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
    };
    for (const [name, base] of Object.entries(cases)) {
      expect(statusOf(await raw(console_.port, handshake('', base))), name).toBe(400);
    }
    expect(handshakes).toEqual([]);
  });

  it('closes the upstream websocket of a client that leaves during the upstream handshake', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const up = await wsUpstream({ hold: () => released });
    const socket = net.connect(up.console_.port, '127.0.0.1', () => socket.write(handshake('')));
    await until(() => up.handshakes.length === 1);
    socket.destroy();
    await new Promise((r) => socket.once('close', r));
    release();
    await until(() => up.closes.length === 1);
    expect(up.closes).toHaveLength(1);
  });
});

describe('a browser that leaves during the upstream handshake', () => {
  for (const how of ['closes', 'resets'] as const) {
    it(`${how} its connection: that is not logged as an upstream failure`, async () => {
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      const up = await wsUpstream({ hold: () => released });
      const socket = net.connect(up.console_.port, '127.0.0.1', () => socket.write(handshake('')));
      await until(() => up.handshakes.length === 1);
      if (how === 'resets') socket.resetAndDestroy();
      else socket.destroy();
      await new Promise((r) => socket.once('close', r));
      await new Promise((r) => setTimeout(r, 100));
      release();
      await new Promise((r) => setTimeout(r, 200));
      expect(up.logLines.filter((l) => l.includes('upstream websocket failed'))).toEqual([]);
    });
  }
});

describe('websocket resources', () => {
  it(`closes a client that sends a message over ${MAX_CLIENT_MESSAGE} bytes with 1009, and forwards none of it`, async () => {
    const up = await wsUpstream();
    const ws = new WebSocket(`ws://127.0.0.1:${up.console_.port}${PATH}`);
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    ws.send(Buffer.alloc(1000, 1));
    const code = await new Promise<number>((resolve) => {
      ws.on('close', resolve);
      ws.send(Buffer.alloc(MAX_CLIENT_MESSAGE + 1, 1));
    });
    expect(code).toBe(1009);
    await until(() => up.closes.length === 1);
    expect(up.received).toEqual([1000]);
  });

  it('drops a client that reads nothing once more than the buffer limit waits for it', async () => {
    const message = Buffer.alloc(1024 * 1024, 7);
    const up = await wsUpstream({
      onOpen: (ws) => {
        // Writes as long as the console reads, much more than the limit in all.
        const pump = (sent: number) => {
          if (ws.readyState !== WebSocket.OPEN || sent > (4 * MAX_BUFFERED) / message.length) return;
          ws.send(message, () => pump(sent + 1));
        };
        pump(0);
      },
    });
    // A client that completes the handshake and then never reads.
    const socket = net.connect(up.console_.port, '127.0.0.1', () => socket.write(handshake('')));
    socket.once('data', () => socket.pause());
    closers.push(async () => void socket.destroy());
    await until(() => up.closes.length === 1);
    expect(up.closes).toEqual([1013]);
  });
});
