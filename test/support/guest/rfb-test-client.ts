/**
 * Connects `vnc-rfb-client` (a Node RFB client library that speaks TCP) to a websocket RFB
 * endpoint through a small local TCP↔websocket bridge, the reverse of websockify.
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import VncClient from 'vnc-rfb-client';
import { WebSocket, createWebSocketStream } from 'ws';

export const ENCODINGS = VncClient.consts.encodings;

export interface RfbTestClient {
  client: VncClient;
  /** 0xRRGGBB of pixel (x, y) of the client's decoded framebuffer. */
  pixel(x: number, y: number): number;
  /** Resolves after the next FramebufferUpdate has been decoded. */
  nextUpdate(timeoutMs?: number): Promise<void>;
  /** Waits until `predicate` holds after some update. */
  waitUntil(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Presses and releases the key of each character (\r is Return). */
  type(text: string): void;
  close(): Promise<void>;
}

/**
 * The library decodes Raw into B,G,R,A bytes and ZRLE into R,G,B,A bytes; `pixel()` reads
 * each the way its decoder wrote it.
 */
export async function connectRfbClient(wsUrl: string, encodings: number[]): Promise<RfbTestClient> {
  const sockets = new Set<Socket>();
  const bridge: Server = createServer((tcp) => {
    sockets.add(tcp);
    const ws = new WebSocket(wsUrl, 'plain.kubevirt.io');
    const stream = createWebSocketStream(ws);
    tcp.pipe(stream).pipe(tcp);
    const end = () => {
      tcp.destroy();
      stream.destroy();
    };
    tcp.on('error', end);
    stream.on('error', end);
    tcp.on('close', end);
    stream.on('close', end);
  });
  bridge.listen(0, '127.0.0.1');
  await once(bridge, 'listening');
  const { port } = bridge.address() as AddressInfo;
  // With fps 0 the library asks for the next update before it has cleared its "request
  // sent" flag, so it never asks again; a rate makes it ask after each update.
  const client = new VncClient({ fps: 50, encodings });
  client._log = () => undefined; // the library prints progress with console.log
  const firstFrame = once(client, 'firstFrameUpdate');
  client.connect({ host: '127.0.0.1', port });
  await firstFrame;
  const rgbaOrder = encodings.includes(ENCODINGS.zrle);
  const pixel = (x: number, y: number): number => {
    const o = (y * client.clientWidth + x) * 4;
    const fb = client.fb;
    return rgbaOrder ? (fb[o] << 16) | (fb[o + 1] << 8) | fb[o + 2] : (fb[o + 2] << 16) | (fb[o + 1] << 8) | fb[o];
  };
  const nextUpdate = (timeoutMs = 5000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no framebuffer update')), timeoutMs);
      client.once('frameUpdated', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  const waitUntil = async (predicate: () => boolean, timeoutMs = 5000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('condition not reached on the RFB client');
      await nextUpdate(deadline - Date.now()).catch(() => undefined);
    }
  };
  const type = (text: string): void => {
    for (const ch of text) {
      const keysym = ch === '\r' ? 0xff0d : ch.charCodeAt(0);
      client.sendKeyEvent(keysym, true);
      client.sendKeyEvent(keysym, false);
    }
  };
  return {
    client,
    pixel,
    type,
    nextUpdate,
    waitUntil,
    close: async () => {
      client.disconnect();
      for (const s of sockets) s.destroy();
      bridge.close();
      await once(bridge, 'close');
    },
  };
}
