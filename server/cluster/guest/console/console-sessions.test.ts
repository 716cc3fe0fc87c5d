import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { handleSerialConnection, handleVncConnection } from './console-handlers.js';
import {
  GUEST_GONE_CLOSE_REASON,
  REPLACED_CLOSE_CODE,
  REPLACED_CLOSE_REASON,
  preserveSessionRefusal,
} from './sessions.js';
import type { SimulatedGuest } from '../simulated/simulated-guest.js';
import {
  closed,
  connectWs,
  makeGuest,
  startWsServer,
  waitForEvent,
  type WsTestServer,
} from '../../../../test/support/guest/guest-harness.js';

/** Collects a websocket's binary messages as text. */
function recorder(ws: WebSocket): { text: () => string; waitFor: (s: string | RegExp) => Promise<void> } {
  let text = '';
  const waiters: (() => void)[] = [];
  ws.on('message', (data: Buffer, isBinary) => {
    expect(isBinary).toBe(true);
    text += data.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  const waitFor = async (pattern: string | RegExp) => {
    const deadline = Date.now() + 5000;
    const ok = () => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
    while (!ok()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(pattern)}; got ${JSON.stringify(text.slice(-300))}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
  };
  return { text: () => text, waitFor };
}

let guest: SimulatedGuest;
let server: WsTestServer;

async function setup(options: Parameters<typeof makeGuest>[0] = {}): Promise<void> {
  guest = makeGuest({ hostname: 'vmi-serial', ...options });
  await waitForEvent(guest, 'booted');
  server = await startWsServer((socket, url) => {
    if (url.pathname === '/vnc') handleVncConnection(socket, guest, { name: 'vmi-serial' });
    else handleSerialConnection(socket, guest);
  });
}

afterEach(async () => {
  guest.destroy();
  await server.close();
});

describe('serial console over a websocket', () => {
  it('logs in, runs hostname, reads the answer, and poweroff emits poweroff and closes the socket', async () => {
    await setup();
    let rec!: ReturnType<typeof recorder>;
    const ws = await connectWs(`${server.url}/console`, (s) => (rec = recorder(s)));
    expect(ws.protocol).toBe('plain.kubevirt.io');
    ws.send(Buffer.from('\r'));
    await rec.waitFor('vmi-serial login: ');
    ws.send(Buffer.from('fedora\r'));
    await rec.waitFor('Password: ');
    ws.send(Buffer.from('fedora\r'));
    await rec.waitFor('[fedora@vmi-serial ~]$ ');
    ws.send(Buffer.from('hostname\r'));
    await rec.waitFor('hostname\r\nvmi-serial\r\n[fedora@vmi-serial ~]$ ');
    const off = waitForEvent(guest, 'poweroff');
    const socketClosed = closed(ws);
    ws.send(Buffer.from('poweroff\r'));
    await off;
    expect(await socketClosed).toEqual({ code: 1000, reason: GUEST_GONE_CLOSE_REASON });
    expect(rec.text()).toContain('reboot: Power down');
  });

  it('drops text frames from the client', async () => {
    await setup();
    let rec!: ReturnType<typeof recorder>;
    const ws = await connectWs(`${server.url}/console`, (s) => (rec = recorder(s)));
    ws.send('whoami\r');
    ws.send(Buffer.from('\r'));
    await rec.waitFor('vmi-serial login: ');
    expect(rec.text()).not.toContain('whoami');
    ws.close();
  });

  it('splits input across frames as a terminal would send it, one key per frame', async () => {
    await setup();
    let rec!: ReturnType<typeof recorder>;
    const ws = await connectWs(`${server.url}/console`, (s) => (rec = recorder(s)));
    for (const ch of 'fedora\rfedora\rwhoami\r') ws.send(Buffer.from(ch));
    await rec.waitFor('whoami\r\nfedora\r\n');
    ws.close();
  });
});

describe('one session per guest and kind', () => {
  it('a second serial connection closes the first with a reason', async () => {
    await setup();
    const first = await connectWs(`${server.url}/console`);
    const firstClosed = closed(first);
    expect(guest.hasActiveSession('console')).toBe(true);
    const second = await connectWs(`${server.url}/console`);
    expect(await firstClosed).toEqual({ code: REPLACED_CLOSE_CODE, reason: REPLACED_CLOSE_REASON });
    expect(guest.hasActiveSession('console')).toBe(true);
    const secondClosed = closed(second);
    second.close();
    await secondClosed;
    await new Promise((r) => setTimeout(r, 20));
    expect(guest.hasActiveSession('console')).toBe(false);
  });

  it('VNC and console sessions are independent; a second VNC connection closes the first', async () => {
    await setup();
    const serial = await connectWs(`${server.url}/console`);
    const vnc1 = await connectWs(`${server.url}/vnc`);
    expect(guest.hasActiveSession('vnc')).toBe(true);
    const vnc1Closed = closed(vnc1);
    const vnc2 = await connectWs(`${server.url}/vnc`);
    expect((await vnc1Closed).reason).toBe(REPLACED_CLOSE_REASON);
    expect(serial.readyState).toBe(serial.OPEN);
    vnc2.close();
    serial.close();
  });

  it("preserveSession=true with a live session is refused with 500 and KubeVirt's message", async () => {
    await setup();
    expect(preserveSessionRefusal(guest.sessions, 'vnc', true)).toBeUndefined();
    const vnc = await connectWs(`${server.url}/vnc`);
    expect(preserveSessionRefusal(guest.sessions, 'vnc', true)).toEqual({
      status: 500,
      message: 'Active VNC connection. Request denied.',
    });
    expect(preserveSessionRefusal(guest.sessions, 'vnc', false)).toBeUndefined();
    expect(preserveSessionRefusal(guest.sessions, 'console', true)).toBeUndefined();
    vnc.close();
  });

  it('destroying the guest closes its consoles', async () => {
    await setup();
    const serial = await connectWs(`${server.url}/console`);
    const vnc = await connectWs(`${server.url}/vnc`);
    const both = Promise.all([closed(serial), closed(vnc)]);
    guest.destroy();
    const [a, b] = await both;
    expect(a.reason).toBe(GUEST_GONE_CLOSE_REASON);
    expect(b.reason).toBe(GUEST_GONE_CLOSE_REASON);
  });

  it('a guest without graphics refuses VNC', async () => {
    await setup({ hasGraphics: false });
    const ws = await connectWs(`${server.url}/vnc`);
    expect(await closed(ws)).toEqual({ code: 1011, reason: 'No graphics devices are present.' });
    expect(guest.hasActiveSession('vnc')).toBe(false);
  });
});
