/**
 * Time for the simulated cluster. Durations are given in "cluster seconds" (what a real
 * cluster would take); `speed` divides them, so speed 100 makes a 5 s boot take 50 ms.
 * Timestamps written into objects are always real wall-clock time (RFC 3339, second precision,
 * like the API server writes them).
 */
export interface Clock {
  readonly speed: number;
  /** Real milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` after `seconds` cluster seconds. Returns a cancel function. */
  after(seconds: number, fn: () => void): () => void;
  /** Resolves after `seconds` cluster seconds. */
  sleep(seconds: number): Promise<void>;
  /** Cancels every pending timer (used when the cluster stops). */
  dispose(): void;
}

export function createClock(speed = 1): Clock {
  if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
  const timers = new Set<NodeJS.Timeout>();
  const after = (seconds: number, fn: () => void): (() => void) => {
    const t = setTimeout(
      () => {
        timers.delete(t);
        fn();
      },
      Math.max(0, (seconds * 1000) / speed),
    );
    t.unref?.();
    timers.add(t);
    return () => {
      clearTimeout(t);
      timers.delete(t);
    };
  };
  return {
    speed,
    now: () => Date.now(),
    after,
    sleep: (seconds) => new Promise((resolve) => after(seconds, resolve)),
    dispose: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
