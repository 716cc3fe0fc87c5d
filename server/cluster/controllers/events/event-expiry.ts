/**
 * Event expiry: core/v1 Events whose lastTimestamp is older than the TTL are deleted (what
 * kube-apiserver's --event-ttl does, 1 h by default), checked every minute (or every TTL if shorter).
 */
import type { ClusterClient } from '../../runtime/client.js';

export const DEFAULT_EVENT_TTL_MS = 3600_000;

export class EventExpiry {
  private timer?: NodeJS.Timeout;

  /** `afterSweep` runs after each pass (the event writer forgets series whose Event is gone). */
  constructor(
    private readonly client: Pick<ClusterClient, 'list' | 'delete'>,
    private readonly ttlMs: number = DEFAULT_EVENT_TTL_MS,
    private readonly afterSweep: () => void = () => {},
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.sweep(), Math.min(60_000, this.ttlMs));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deletes every Event whose lastTimestamp (or creationTimestamp) is older than the TTL. */
  sweep(): void {
    const cutoff = Date.now() - this.ttlMs;
    for (const e of this.client.list('events').items) {
      const last = Date.parse(String(e.lastTimestamp ?? e.metadata.creationTimestamp ?? ''));
      if (Number.isFinite(last) && last < cutoff) {
        try {
          this.client.delete('events', e.metadata.namespace, e.metadata.name ?? '');
        } catch {
          // already gone
        }
      }
    }
    this.afterSweep();
  }
}
