/**
 * A client-go style work queue: keys are deduplicated while waiting, one key is never processed
 * twice at the same time, failures are retried with exponential back-off, and keys can be
 * re-queued after a delay. Reconcilers are level-triggered: they read the current state for a
 * key and converge it, so a key can be queued any number of times.
 */
import type { Clock } from './clock.js';

export type Reconcile = (key: string) => Promise<void> | void;

export interface WorkQueueOptions {
  name: string;
  clock: Clock;
  reconcile: Reconcile;
  /** Keys processed concurrently (each key is still serialised). Default 4. */
  concurrency?: number;
  onError?: (name: string, key: string, err: unknown) => void;
}

export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly active = new Set<string>();
  private readonly dirtyWhileActive = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, () => void>();
  private running = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private scheduled = false;

  constructor(private readonly opts: WorkQueueOptions) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.active.has(key)) {
      this.dirtyWhileActive.add(key);
      return;
    }
    this.pending.add(key);
    this.kick();
  }

  /** Queues the key after `ms` real milliseconds (an earlier pending delay is replaced). */
  addAfterMs(key: string, ms: number): void {
    if (this.stopped) return;
    this.delayed.get(key)?.();
    const cancel = this.opts.clock.after((ms * this.opts.clock.speed) / 1000, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, cancel);
  }

  /** Queues the key after `seconds` cluster seconds. */
  addAfter(key: string, seconds: number): void {
    this.addAfterMs(key, (seconds * 1000) / this.opts.clock.speed);
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.delayed.values()) cancel();
    this.delayed.clear();
    this.pending.clear();
  }

  /** Resolves when nothing is pending or running (delayed keys do not count). */
  idle(): Promise<void> {
    if (this.pending.size === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get length(): number {
    return this.pending.size;
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    const limit = this.opts.concurrency ?? 4;
    while (!this.stopped && this.running < limit && this.pending.size > 0) {
      const key = this.pending.values().next().value as string;
      this.pending.delete(key);
      this.active.add(key);
      this.running++;
      void this.process(key);
    }
    if (this.pending.size === 0 && this.running === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async process(key: string): Promise<void> {
    try {
      await this.opts.reconcile(key);
      this.failures.delete(key);
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.opts.onError?.(this.opts.name, key, err);
      // 5 ms, 10 ms, ... capped at 5 s of real time (client-go's default rate limiter shape).
      if (!this.stopped) this.addAfterMs(key, Math.min(5000, 5 * 2 ** (n - 1)));
    } finally {
      this.active.delete(key);
      this.running--;
      if (this.dirtyWhileActive.delete(key)) this.pending.add(key);
      this.kick();
      if (this.pending.size === 0 && this.running === 0) this.pump();
    }
  }
}
