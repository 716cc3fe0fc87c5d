/**
 * A pausable, sequential task queue in guest time.
 *
 * Everything the guest does "over time" (boot lines, the delay after a wrong password,
 * shutdown) is a task with a delay in guest milliseconds. Delays are divided by `speed`.
 * Pausing the guest freezes the queue (the remaining delay of the current task is kept);
 * unpausing continues where it stopped. Tasks whose scaled delay is under a millisecond run
 * in the same macrotask as the previous one, so a fast guest boots in a few timer ticks.
 */
export type Task = () => void;

interface QueuedTask {
  delayMs: number;
  run: Task;
}

export class GuestScheduler {
  private readonly queue: QueuedTask[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerStartedAt = 0;
  private remainingMs = 0;
  private frozen = false;
  private stopped = false;
  private firing = false;
  /** Guest time consumed by executed tasks (ms), used for kernel timestamps. */
  private guestClockMs = 0;

  constructor(private readonly speed: number) {}

  /** Guest milliseconds elapsed through scheduled tasks. */
  get guestTimeMs(): number {
    return this.guestClockMs;
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  /** Runs `task` after `delayMs` guest milliseconds, after every task queued before it. */
  after(delayMs: number, task: Task): void {
    if (this.stopped) return;
    this.queue.push({ delayMs, run: task });
    if (this.queue.length === 1 && !this.timer && !this.firing) this.arm(this.scaled(delayMs));
  }

  /** Drops every queued task (a reset or power cut). */
  clear(): void {
    this.queue.length = 0;
    this.disarm();
  }

  freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    if (this.timer) {
      this.remainingMs = Math.max(0, this.remainingMs - (Date.now() - this.timerStartedAt));
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  thaw(): void {
    if (!this.frozen) return;
    this.frozen = false;
    if (this.queue.length > 0) this.arm(this.remainingMs);
  }

  /** Stops for good (destroy). */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private scaled(delayMs: number): number {
    return delayMs / this.speed;
  }

  private arm(ms: number): void {
    this.remainingMs = ms;
    if (this.frozen) return;
    this.timerStartedAt = Date.now();
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.round(ms)));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.remainingMs = 0;
  }

  private fire(): void {
    this.timer = undefined;
    this.firing = true;
    try {
      const first = this.queue.shift();
      if (first) this.runTask(first);
      // Tasks due within the same millisecond run now, in order.
      let carriedMs = 0;
      while (!this.stopped && !this.frozen && this.queue.length > 0) {
        const next = this.queue[0];
        const ms = this.scaled(next.delayMs);
        if (carriedMs + ms >= 1) break;
        carriedMs += ms;
        this.queue.shift();
        this.runTask(next);
      }
    } finally {
      this.firing = false;
    }
    const head = this.queue[0];
    if (head && !this.stopped) this.arm(this.scaled(head.delayMs));
  }

  private runTask(task: QueuedTask): void {
    this.guestClockMs += task.delayMs;
    task.run();
  }
}
