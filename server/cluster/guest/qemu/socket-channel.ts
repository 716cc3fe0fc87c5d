/** A {@link ByteChannel} to a unix socket QEMU serves (a VNC client connection), bridged byte for byte. */
import { connect, type Socket } from 'node:net';
import { GuestChannel } from '../console/channel.js';
import { GUEST_GONE_CLOSE_REASON } from '../console/sessions.js';

/**
 * Connects to `socketPath` once `ready` resolves; bytes written before that are queued. The
 * channel ends when QEMU closes the connection (the guest is gone) or the connection fails.
 */
export function socketChannel(ready: Promise<string>, onClientClose: () => void = () => undefined): GuestChannel {
  let socket: Socket | undefined;
  const queued: Uint8Array[] = [];
  const channel: GuestChannel = new GuestChannel(
    (data) => (socket ? socket.write(data) : queued.push(data)),
    () => {
      socket?.destroy();
      onClientClose();
    },
  );
  ready.then(
    (socketPath) => {
      if (channel.isClosed) return;
      const s = connect(socketPath);
      socket = s;
      s.on('connect', () => {
        for (const data of queued.splice(0)) s.write(data);
      });
      s.on('data', (data: Buffer) => channel.deliver(data));
      s.on('error', () => s.destroy());
      s.on('close', () => channel.end(GUEST_GONE_CLOSE_REASON));
    },
    (err: unknown) => channel.end(err instanceof Error ? err.message : String(err)),
  );
  return channel;
}
