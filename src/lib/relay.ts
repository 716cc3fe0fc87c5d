/**
 * A one-listener relay that keeps what is sent before its listener is there: the first page sends
 * the shortcuts it recognises at once, the keyboard layer (a chunk loaded on the first one) gets
 * them in order when it attaches, and each later one as it is sent. Nothing sent is lost or run twice.
 */
export interface Relay<T> {
  send(item: T): void;
  /** Runs `listener` on what was sent so far, in order, then on each new item; returns the detach. */
  attach(listener: (item: T) => void): () => void;
}

export function createRelay<T>(): Relay<T> {
  let pending: T[] = [];
  let current: ((item: T) => void) | undefined;
  return {
    send(item) {
      if (current) current(item);
      else pending.push(item);
    },
    attach(listener) {
      current = listener;
      const queued = pending;
      pending = [];
      for (const item of queued) listener(item);
      return () => {
        if (current === listener) current = undefined;
      };
    },
  };
}
