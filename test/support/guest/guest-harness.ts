/**
 * Test helpers for guests and their websocket consoles (used by the *.test.ts files only).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { handleVncConnection } from '../../../server/cluster/guest/console/console-handlers.js';
import { SimulatedGuest } from '../../../server/cluster/guest/simulated/simulated-guest.js';
import type { GuestOptions } from '../../../server/cluster/guest/types.js';

/** Fast enough that a boot takes a few milliseconds. */
export const TEST_SPEED = 5000;

export function makeGuest(options: Partial<GuestOptions> = {}): SimulatedGuest {
  return new SimulatedGuest({
    hostname: 'vmi-test',
    osName: 'fedora',
    speed: TEST_SPEED,
    ipAddress: '10.244.0.12',
    ...options,
  });
}

/** Collects a guest's serial output as text. */
export class SerialRecorder {
  text = '';
  private waiters: { pattern: string | RegExp; resolve: () => void }[] = [];
  private readonly stop: () => void;

  constructor(guest: SimulatedGuest) {
    this.stop = guest.onSerialData((data) => this.push(Buffer.from(data).toString('utf8')));
  }

  push(chunk: string): void {
    this.text += chunk;
    this.waiters = this.waiters.filter((w) => {
      if (!matches(this.text, w.pattern)) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves once the output (from `since` on) matches; rejects after `timeoutMs`. */
  waitFor(pattern: string | RegExp, timeoutMs = 5000): Promise<void> {
    if (matches(this.text, pattern)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${String(pattern)}; got:\n${this.text.slice(-600)}`)),
        timeoutMs,
      );
      this.waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Forgets what was recorded so far. */
  clear(): void {
    this.text = '';
  }

  close(): void {
    this.stop();
  }
}

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

export function waitForEvent(
  guest: SimulatedGuest,
  event: 'booted' | 'poweroff' | 'reboot' | 'destroyed',
  timeoutMs = 5000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    guest.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Boots the guest and logs in on the serial line; returns the recorder, positioned after the prompt. */
export async function loginOnSerial(guest: SimulatedGuest): Promise<SerialRecorder> {
  const rec = new SerialRecorder(guest);
  if (!guest.booted) await waitForEvent(guest, 'booted');
  guest.writeSerial('\r');
  await rec.waitFor('login: ');
  guest.writeSerial(`${guest.user}\r`);
  await rec.waitFor('Password: ');
  guest.writeSerial(`${guest.password}\r`);
  await rec.waitFor(`[${guest.user}@${guest.hostname} ~]$ `);
  rec.clear();
  return rec;
}

export interface WsTestServer {
  url: string;
  server: Server;
  wss: WebSocketServer;
  close(): Promise<void>;
}

/** An HTTP server on port 0 whose websocket upgrades go to `onConnection`. */
export async function startWsServer(onConnection: (socket: WebSocket, url: URL) => void): Promise<WsTestServer> {
  const server = createServer();
  const wss = new WebSocketServer({
    server,
    handleProtocols: (protocols) => (protocols.has('plain.kubevirt.io') ? 'plain.kubevirt.io' : false),
  });
  wss.on('connection', (socket, req) => onConnection(socket, new URL(req.url ?? '/', 'http://localhost')));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    server,
    wss,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * A booted simulated guest with its VNC console on a websocket server, for the tests of the
 * describe block (or file) that calls this: started in beforeAll, stopped in afterAll.
 */
export function useVncGuest(options: Partial<GuestOptions>): {
  readonly guest: SimulatedGuest;
  readonly server: WsTestServer;
} {
  let guest: SimulatedGuest | undefined;
  let server: WsTestServer | undefined;
  beforeAll(async () => {
    const booted = makeGuest(options);
    guest = booted;
    await waitForEvent(booted, 'booted');
    server = await startWsServer((socket) => handleVncConnection(socket, booted));
  });
  afterAll(async () => {
    guest?.destroy();
    await server?.close();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the VNC guest starts in beforeAll: use it inside tests and hooks');
    return x;
  };
  return {
    get guest() {
      return started(guest);
    },
    get server() {
      return started(server);
    },
  };
}

/**
 * Opens a client websocket with the KubeVirt subprotocol and waits until it is open.
 * `beforeOpen` attaches listeners first: the server may speak first, in the same packet
 * as the upgrade response.
 */
export async function connectWs(
  url: string,
  beforeOpen: (ws: WebSocket) => void = () => undefined,
): Promise<WebSocket> {
  const ws = new WebSocket(url, 'plain.kubevirt.io');
  ws.binaryType = 'nodebuffer';
  beforeOpen(ws);
  await once(ws, 'open');
  return ws;
}

/** Resolves with the close code and reason of `ws`. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
