import { isRetriable } from '../k8s-error';
import type { Status } from '../types';

/** How one list-then-watch attempt ended. */
export type WatchEnd =
  /** The server sent an ERROR event (410 Expired when the resourceVersion is too old). */
  | { kind: 'error-event'; status: Status }
  /** The websocket closed; 1000 is a normal close (for example the server's watch timeout). */
  | { kind: 'close'; code: number }
  /** The list (or re-list) request failed. */
  | { kind: 'list-failed'; error: unknown };

export interface NextStep {
  /** relist: list again then watch; rewatch: watch from the last resourceVersion; stop: give up. */
  action: 'relist' | 'rewatch' | 'stop';
  delayMs: number;
  /** Consecutive failures after this step, fed back into the next decision. */
  failures: number;
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** 0..1; the delay is scaled into [50%, 100%] of the exponential step. */
  random?: () => number;
}

export const NORMAL_CLOSE = 1000;

/** Exponential back-off with jitter: base·2^n, capped, between half and all of that. */
export function backoffDelay(failures: number, o: BackoffOptions = {}): number {
  const base = o.baseMs ?? 500;
  const max = o.maxMs ?? 30_000;
  const step = Math.min(max, base * 2 ** Math.max(0, failures));
  const r = (o.random ?? Math.random)();
  return Math.round(step * (0.5 + r / 2));
}

/**
 * Decides what to do after a watch ends. `sawEvents` says whether that connection delivered any
 * ADDED/MODIFIED/DELETED/BOOKMARK event, which proves it was healthy and resets the failure count.
 *
 * - ERROR 410 (Expired/Gone): re-list; at once the first time, with back-off if it keeps happening.
 * - other ERROR events: re-list with back-off.
 * - normal close after a healthy watch: watch again from the last resourceVersion, at once.
 * - abnormal close, or a close before any event: re-list with back-off (the server may have restarted).
 * - failed list: retry with back-off when it may succeed (network, 429, 5xx); stop otherwise
 *   (403, 404...: the query shows the error).
 */
export function nextStep(end: WatchEnd, failuresBefore: number, sawEvents: boolean, o: BackoffOptions = {}): NextStep {
  const failures = sawEvents ? 0 : failuresBefore;
  const retry = (action: NextStep['action']): NextStep => ({
    action,
    delayMs: backoffDelay(failures, o),
    failures: failures + 1,
  });
  switch (end.kind) {
    case 'error-event':
      if (end.status.code === 410) {
        return failures === 0 ? { action: 'relist', delayMs: 0, failures: 1 } : retry('relist');
      }
      return retry('relist');
    case 'close':
      if (end.code === NORMAL_CLOSE && sawEvents) return { action: 'rewatch', delayMs: 0, failures: 0 };
      return retry('relist');
    case 'list-failed':
      return isRetriable(end.error) ? retry('relist') : { action: 'stop', delayMs: 0, failures };
  }
}
