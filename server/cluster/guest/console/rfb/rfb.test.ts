import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { SimulatedGuest } from '../../simulated/simulated-guest.js';
import { connectRfbClient, ENCODINGS, type RfbTestClient } from '../../../../../test/support/guest/rfb-test-client.js';
import { connectWs, useVncGuest } from '../../../../../test/support/guest/guest-harness.js';

/** Number of pixels where the client's picture differs from the guest's screen. */
function differences(rfb: RfbTestClient, guest: SimulatedGuest): number {
  const { width, height, pixels } = guest.screen;
  if (rfb.client.clientWidth !== width || rfb.client.clientHeight !== height) return Infinity;
  let diff = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (rfb.pixel(x, y) !== pixels[y * width + x]) diff++;
  return diff;
}

function snapshot(rfb: RfbTestClient): number[] {
  const out: number[] = [];
  for (let y = 0; y < rfb.client.clientHeight; y++)
    for (let x = 0; x < rfb.client.clientWidth; x++) out.push(rfb.pixel(x, y));
  return out;
}

describe('RFB server over a websocket, read by a Node RFB client library', () => {
  const vnc = useVncGuest({ osName: 'cirros', hostname: 'vmi-cirros', name: 'vmi-cirros' });

  it('handshakes (RFB 3.8, security None) and sends a first full frame that is the guest screen, in Raw', async () => {
    const rfb = await connectRfbClient(vnc.server.url, [ENCODINGS.raw, ENCODINGS.pseudoDesktopSize]);
    try {
      expect(rfb.client.protocolVersion).toBe('3.8');
      expect(rfb.client.clientName).toBe('vmi-cirros');
      expect([rfb.client.clientWidth, rfb.client.clientHeight]).toEqual([720, 400]);
      const lit = snapshot(rfb).filter((p) => p !== 0).length;
      expect(lit).toBeGreaterThan(1000);
      expect(differences(rfb, vnc.guest)).toBe(0);
    } finally {
      await rfb.close();
    }
  });

  it('sends the same picture in ZRLE, then only what changes while someone types a login and a command', async () => {
    const rfb = await connectRfbClient(vnc.server.url, [
      ENCODINGS.copyRect,
      ENCODINGS.zrle,
      ENCODINGS.raw,
      ENCODINGS.pseudoDesktopSize,
    ]);
    try {
      expect(differences(rfb, vnc.guest)).toBe(0);
      const before = snapshot(rfb);
      rfb.type('\rcirros\rgocubsgo\r');
      await rfb.waitUntil(() => vnc.guest.loggedIn);
      rfb.type('hostname\r');
      await rfb.waitUntil(() => vnc.guest.screen.text().includes('$ hostname\nvmi-cirros\n$'));
      await rfb.waitUntil(() => differences(rfb, vnc.guest) === 0);
      expect(snapshot(rfb)).not.toEqual(before);
    } finally {
      await rfb.close();
    }
  });

  it('announces a video mode change with DesktopSize and sends the new screen', async () => {
    const rfb = await connectRfbClient(vnc.server.url, [
      ENCODINGS.copyRect,
      ENCODINGS.zrle,
      ENCODINGS.pseudoDesktopSize,
    ]);
    try {
      vnc.guest.screen.setMode(1024, 768, 8);
      vnc.guest.writeSerial('\r');
      await rfb.waitUntil(() => rfb.client.clientWidth === 1024 && differences(rfb, vnc.guest) === 0);
      expect(rfb.client.clientHeight).toBe(768);
    } finally {
      await rfb.close();
    }
  });
});

/** Reads bytes from a websocket as a stream (messages may split or join RFB messages). */
class ByteReader {
  private buf = Buffer.alloc(0);
  private wake: (() => void) | undefined;

  constructor(ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.buf = Buffer.concat([this.buf, data]);
      this.wake?.();
    });
  }

  async read(n: number): Promise<Buffer> {
    while (this.buf.length < n) await new Promise<void>((r) => (this.wake = r));
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
}

describe('RFB protocol details', () => {
  const vnc = useVncGuest({ osName: 'cirros', hostname: 'vmi-raw' });

  it('parses messages split across frames and packed into one, drops text frames, honours a 16bpp pixel format', async () => {
    let reader!: ByteReader;
    const ws = await connectWs(vnc.server.url, (socket) => (reader = new ByteReader(socket)));
    try {
      expect((await reader.read(12)).toString('latin1')).toBe('RFB 003.008\n');
      ws.send('text frames are ignored');
      ws.send(Buffer.from('RFB 00'));
      ws.send(Buffer.from('3.008\n'));
      expect([...(await reader.read(2))]).toEqual([1, 1]);
      // Security choice, ClientInit, SetPixelFormat (RGB565 little endian), SetEncodings [Raw],
      // and a non-incremental request for the first cell, all in one frame.
      const pf = Buffer.from([0, 0, 0, 0, 16, 16, 0, 1, 0, 31, 0, 63, 0, 31, 11, 5, 0, 0, 0, 0]);
      const encodings = Buffer.from([2, 0, 0, 1, 0, 0, 0, 0]);
      const request = Buffer.from([3, 0, 0, 0, 0, 0, 0, 9, 0, 16]);
      ws.send(Buffer.concat([Buffer.from([1, 1]), pf, encodings, request]));
      expect((await reader.read(4)).readUInt32BE(0)).toBe(0); // SecurityResult OK
      const init = await reader.read(24);
      expect([init.readUInt16BE(0), init.readUInt16BE(2), init[4], init[5]]).toEqual([720, 400, 32, 24]);
      expect((await reader.read(init.readUInt32BE(20))).toString()).toBe('vmi-raw');
      const head = await reader.read(4 + 12);
      expect(head[0]).toBe(0); // FramebufferUpdate
      expect(head.readUInt16BE(2)).toBe(1);
      expect([head.readUInt16BE(8), head.readUInt16BE(10), head.readInt32BE(12)]).toEqual([9, 16, 0]);
      const data = await reader.read(9 * 16 * 2);
      const rgb565 = (rgb: number) =>
        (Math.round((((rgb >> 16) & 0xff) * 31) / 255) << 11) |
        (Math.round((((rgb >> 8) & 0xff) * 63) / 255) << 5) |
        Math.round(((rgb & 0xff) * 31) / 255);
      const expected: number[] = [];
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 9; x++) expected.push(rgb565(vnc.guest.screen.pixels[y * 720 + x]));
      const got = Array.from({ length: 9 * 16 }, (_v, i) => data.readUInt16LE(i * 2));
      expect(got).toEqual(expected);
      expect(new Set(got).size).toBeGreaterThan(1);
    } finally {
      ws.close();
    }
  });

  it('refuses a security type other than None with a reason', async () => {
    let reader!: ByteReader;
    const ws = await connectWs(vnc.server.url, (socket) => (reader = new ByteReader(socket)));
    try {
      await reader.read(12);
      ws.send(Buffer.from('RFB 003.008\n'));
      await reader.read(2);
      ws.send(Buffer.from([2]));
      expect((await reader.read(4)).readUInt32BE(0)).toBe(1);
      const len = (await reader.read(4)).readUInt32BE(0);
      expect((await reader.read(len)).toString()).toBe('Only security type None is supported');
    } finally {
      ws.close();
    }
  });
});
