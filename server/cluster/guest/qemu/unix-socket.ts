/** Connecting to the unix sockets QEMU serves (it creates them while it starts). */
import { connect, type Socket } from 'node:net';

export function connectUnix(socketPath: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** QEMU creates its sockets while it starts: retry until one accepts or the time is up. */
export async function retryConnect<T>(
  attempt: () => Promise<T>,
  timeoutMs: number,
  stopped: () => boolean,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline || stopped()) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
