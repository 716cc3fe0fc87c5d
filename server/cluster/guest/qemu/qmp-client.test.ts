import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QmpClient, QmpError, type QmpEvent } from './qmp-client.js';

/** A fake QEMU monitor: greets, answers from a table, records what it was asked. */
class FakeQmp {
  readonly received: Array<{ execute: string; arguments?: Record<string, unknown>; id?: unknown }> = [];
  readonly sockets: Socket[] = [];
  server: Server;

  constructor(
    readonly socketPath: string,
    private readonly answer: (cmd: string, args?: Record<string, unknown>) => Record<string, unknown>,
  ) {
    this.server = createServer((socket) => {
      this.sockets.push(socket);
      socket.write(
        JSON.stringify({ QMP: { version: { qemu: { major: 7, minor: 2, micro: 0 } }, capabilities: [] } }) + '\r\n',
      );
      let buffer = '';
      socket.on('data', (chunk) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const msg = JSON.parse(buffer.slice(0, nl)) as {
            execute: string;
            arguments?: Record<string, unknown>;
            id?: unknown;
          };
          buffer = buffer.slice(nl + 1);
          this.received.push(msg);
          socket.write(JSON.stringify({ ...this.answer(msg.execute, msg.arguments), id: msg.id }) + '\r\n');
        }
      });
    });
  }

  async listen(): Promise<void> {
    this.server.listen(this.socketPath);
    await once(this.server, 'listening');
  }

  /** Sends an event to every client, split across two writes like a slow socket would. */
  event(event: string, data: Record<string, unknown>): void {
    const line = JSON.stringify({ event, data, timestamp: { seconds: 1, microseconds: 2 } }) + '\r\n';
    for (const s of this.sockets) {
      s.write(line.slice(0, 10));
      s.write(line.slice(10));
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.server.close();
    await once(this.server, 'close');
  }
}

let dir: string;
let fake: FakeQmp;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'qmp-test-'));
  fake = new FakeQmp(path.join(dir, 'qmp.sock'), (cmd) => {
    if (cmd === 'query-status') return { return: { status: 'running', running: true } };
    if (cmd === 'screendump') return { error: { class: 'GenericError', desc: 'no surface' } };
    return { return: {} };
  });
  await fake.listen();
});

afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('QmpClient', () => {
  it('negotiates capabilities after the greeting, then runs commands with their arguments', async () => {
    const qmp = await QmpClient.connect(fake.socketPath);
    expect(fake.received.map((m) => m.execute)).toEqual(['qmp_capabilities']);
    await expect(qmp.execute('query-status')).resolves.toEqual({ status: 'running', running: true });
    await qmp.execute('system_powerdown');
    await qmp.execute('stop');
    expect(fake.received.slice(1).map((m) => m.execute)).toEqual(['query-status', 'system_powerdown', 'stop']);
    qmp.close();
  });

  it('passes arguments and rejects with the QMP error class and description', async () => {
    const qmp = await QmpClient.connect(fake.socketPath);
    const err = await qmp.execute('screendump', { filename: '/tmp/x.ppm' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QmpError);
    expect(err).toMatchObject({ errorClass: 'GenericError', message: 'no surface' });
    expect(fake.received.at(-1)).toMatchObject({ execute: 'screendump', arguments: { filename: '/tmp/x.ppm' } });
    qmp.close();
  });

  it('matches answers to commands by id when several are in flight', async () => {
    const qmp = await QmpClient.connect(fake.socketPath);
    const [a, b] = await Promise.all([qmp.execute('query-status'), qmp.execute('cont')]);
    expect(a).toEqual({ status: 'running', running: true });
    expect(b).toEqual({});
    qmp.close();
  });

  it('emits asynchronous events, even when a line arrives in pieces', async () => {
    const qmp = await QmpClient.connect(fake.socketPath);
    const events: QmpEvent[] = [];
    qmp.on('event', (e) => events.push(e));
    fake.event('SHUTDOWN', { guest: true, reason: 'guest-shutdown' });
    fake.event('RESET', { guest: false, reason: 'host-qmp-system-reset' });
    await new Promise((r) => setTimeout(r, 50));
    expect(events.map((e) => [e.event, e.data?.guest])).toEqual([
      ['SHUTDOWN', true],
      ['RESET', false],
    ]);
    qmp.close();
  });

  it('rejects pending commands and emits close when QEMU goes away', async () => {
    const silent = new FakeQmp(path.join(dir, 'silent.sock'), () => ({ return: {} }));
    await silent.listen();
    const qmp = await QmpClient.connect(silent.socketPath);
    // Stop answering: the next command stays pending until the socket closes.
    silent.sockets[0].removeAllListeners('data');
    const pending = qmp.execute('query-status');
    const closed = once(qmp, 'close');
    await silent.close();
    await closed;
    await expect(pending).rejects.toThrow(/closed/);
    expect(qmp.isClosed).toBe(true);
    await expect(qmp.execute('cont')).rejects.toThrow(/closed/);
  });

  it('fails to connect when nothing listens on the socket', async () => {
    await expect(QmpClient.connect(path.join(dir, 'nothing.sock'), 500)).rejects.toThrow();
  });
});
