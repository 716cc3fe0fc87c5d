import type { ByteChannel } from '../types.js';

/** A {@link ByteChannel} whose guest side is driven by callbacks (in-process guests). */
export class GuestChannel implements ByteChannel {
  private readonly dataListeners: ((data: Uint8Array) => void)[] = [];
  private readonly closeListeners: ((reason: string) => void)[] = [];
  private closed = false;
  /** Output produced before anyone listened (the RFB greeting is sent at once). */
  private backlog: Uint8Array[] = [];

  constructor(
    private readonly toGuest: (data: Uint8Array) => void,
    private readonly onClientClose: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  write(data: Uint8Array): void {
    if (!this.closed) this.toGuest(data);
  }

  onData(listener: (data: Uint8Array) => void): void {
    this.dataListeners.push(listener);
    const backlog = this.backlog;
    this.backlog = [];
    for (const data of backlog) listener(data);
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClientClose();
  }

  /** Guest side: bytes for the client. */
  deliver(data: Uint8Array): void {
    if (this.closed) return;
    if (this.dataListeners.length === 0) this.backlog.push(data);
    for (const l of this.dataListeners) l(data);
  }

  /** Guest side: the guest closed the connection. */
  end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.closeListeners) l(reason);
  }
}

/** What a guest with a serial line offers to {@link openSerialChannel}. */
export interface SerialLine {
  writeSerial(data: Uint8Array): void;
  onSerialData(listener: (data: Uint8Array) => void): () => void;
}

/**
 * A channel on a guest's serial line: bytes written go to the guest, the guest's output comes
 * back, and closing it unsubscribes and forgets it from `open` (the guest's live channels).
 */
export function openSerialChannel(line: SerialLine, open: Set<GuestChannel>): GuestChannel {
  let unsubscribe: () => void = () => undefined;
  const channel = new GuestChannel(
    (data) => line.writeSerial(data),
    () => {
      unsubscribe();
      open.delete(channel);
    },
  );
  unsubscribe = line.onSerialData((data) => channel.deliver(data));
  open.add(channel);
  return channel;
}
