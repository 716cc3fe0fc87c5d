/**
 * When to apply the watch events collected so far: at the next animation frame while little
 * arrives (a lone change shows at once), in wider windows under churn (one cache update, and one
 * re-render of a 10,000-row list, per window instead of per frame). The rate is events per second,
 * smoothed over about a second and decaying while nothing arrives.
 */
export interface AdaptiveBatcherOptions {
  /** Calls `fn` at the next frame; returns a canceller. */
  nextFrame: (fn: () => void) => () => void;
  /** The widest window, under the heaviest churn. */
  maxWindowMs: number;
  now: () => number;
}

/** Below this many events per second, batches close at the next frame. */
export const IDLE_RATE = 50;
/** Window length per event per second above IDLE_RATE: 500 events/s → 100 ms windows. */
const MS_PER_RATE = 0.2;
const SMOOTHING_MS = 1000;

export class AdaptiveBatcher {
  private cancel?: () => void;
  private pending = 0;
  private lastFlush = -Infinity;
  private rate = 0;

  constructor(
    private readonly flush: () => void,
    private readonly o: AdaptiveBatcherOptions,
  ) {}

  /** Counts `n` new events and makes sure a flush is scheduled. */
  add(n = 1): void {
    this.pending += n;
    if (this.cancel) return;
    const windowMs = this.windowMs();
    if (windowMs === 0) {
      this.cancel = this.o.nextFrame(this.run);
    } else {
      const t = setTimeout(this.run, windowMs);
      this.cancel = () => clearTimeout(t);
    }
  }

  /** The window a batch opened now would get: 0 means the next frame. */
  windowMs(): number {
    const rate = this.decayedRate(this.o.now());
    return rate < IDLE_RATE ? 0 : Math.min(this.o.maxWindowMs, Math.round(rate * MS_PER_RATE));
  }

  /** Cancels a scheduled flush (the pending events are the caller's to drop or flush). */
  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.pending = 0;
  }

  private decayedRate(now: number): number {
    return this.rate * Math.exp(-(now - this.lastFlush) / SMOOTHING_MS);
  }

  private readonly run = () => {
    this.cancel = undefined;
    const now = this.o.now();
    // Events per second since the last flush (over one frame at least, one smoothing period at most).
    const instant = (this.pending * 1000) / Math.min(Math.max(now - this.lastFlush, 16), SMOOTHING_MS);
    const keep = Math.exp(-(now - this.lastFlush) / SMOOTHING_MS);
    this.rate = this.rate * keep + instant * (1 - keep);
    this.lastFlush = now;
    this.pending = 0;
    this.flush();
  };
}

/**
 * The browser's next frame, or 100 ms whichever comes first (a hidden tab gets no frames, and
 * its events must still be applied); a 16 ms timer where there are no frames (Node).
 */
export function defaultNextFrame(fn: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const t = setTimeout(fn, 16);
    return () => clearTimeout(t);
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    fn();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
