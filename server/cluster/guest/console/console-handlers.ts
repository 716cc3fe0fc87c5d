/**
 * Websocket ends of the `vnc` and `console` subresources: raw bytes both ways in binary
 * frames (text frames from the client are dropped), one live session per guest and kind.
 *
 * The route (after its own checks: VMI exists, is running, has graphics, and
 * {@link preserveSessionRefusal}) upgrades the request and hands the socket over here.
 */
import type { WebSocket } from 'ws';
import { GUEST_GONE_CLOSE_CODE, GUEST_GONE_CLOSE_REASON } from './sessions.js';
import type { ByteChannel, ConsoleKind, Guest } from '../types.js';

export interface VncConnectionOptions {
  /** RFB desktop name (the VMI's name); defaults to the guest's name. */
  name?: string;
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

function bridge(socket: WebSocket, guest: Guest, kind: ConsoleKind, open: () => ByteChannel): void {
  if (guest.state === 'off' || guest.state === 'destroyed') {
    socket.close(GUEST_GONE_CLOSE_CODE, GUEST_GONE_CLOSE_REASON);
    return;
  }
  const release = guest.sessions.claim(kind, {
    close: (code, reason) => socket.close(code, reason),
  });
  let channel: ByteChannel;
  try {
    channel = open();
  } catch (err) {
    release();
    socket.close(1011, err instanceof Error ? err.message : String(err));
    return;
  }
  channel.onData((data) => {
    if (socket.readyState === socket.OPEN) socket.send(data, { binary: true });
  });
  channel.onClose((reason) => {
    release();
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
      socket.close(GUEST_GONE_CLOSE_CODE, reason);
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) channel.write(toBytes(data));
  });
  socket.on('close', () => {
    release();
    channel.close();
  });
  socket.on('error', () => socket.terminate());
}

/** Serves RFB 3.8 on `socket` for the guest's screen; a previous VNC session is closed. */
export function handleVncConnection(socket: WebSocket, guest: Guest, opts: VncConnectionOptions = {}): void {
  bridge(socket, guest, 'vnc', () => guest.openVnc(opts.name));
}

/** Connects `socket` to the guest's serial line; a previous console session is closed. */
export function handleSerialConnection(socket: WebSocket, guest: Guest): void {
  bridge(socket, guest, 'console', () => guest.openSerial());
}
