import { describe, expect, it } from 'vitest';
import { errorFromResponse, networkError } from '../k8s-error';
import { backoffDelay, nextStep } from './reconnect';

const fixed = { random: () => 1 };
const expired = {
  kind: 'error-event',
  status: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (5)' },
} as const;

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, { baseMs: 500, maxMs: 3000, ...fixed }))).toEqual([
      500, 1000, 2000, 3000,
    ]);
    expect(backoffDelay(20, { baseMs: 500, maxMs: 3000, ...fixed })).toBe(3000);
  });

  it('jitters between half and all of the step', () => {
    expect(backoffDelay(2, { baseMs: 100, random: () => 0 })).toBe(200);
    expect(backoffDelay(2, { baseMs: 100, random: () => 1 })).toBe(400);
  });
});

describe('nextStep', () => {
  it('re-lists at once on a first 410 Expired', () => {
    expect(nextStep(expired, 0, false, fixed)).toEqual({ action: 'relist', delayMs: 0, failures: 1 });
  });

  it('backs off when 410s repeat without a healthy watch in between', () => {
    const first = nextStep(expired, 0, false, fixed);
    const second = nextStep(expired, first.failures, false, fixed);
    expect(second).toEqual({ action: 'relist', delayMs: 1000, failures: 2 });
  });

  it('a healthy watch (events seen) resets the count before deciding', () => {
    expect(nextStep(expired, 5, true, fixed)).toEqual({ action: 'relist', delayMs: 0, failures: 1 });
  });

  it('re-lists with back-off on other ERROR events', () => {
    const end = { kind: 'error-event', status: { code: 500, reason: 'InternalError' } } as const;
    expect(nextStep(end, 0, false, fixed)).toEqual({ action: 'relist', delayMs: 500, failures: 1 });
    expect(nextStep(end, 3, false, fixed)).toEqual({ action: 'relist', delayMs: 4000, failures: 4 });
  });

  it('re-watches from the last resourceVersion after a normal close of a healthy watch', () => {
    expect(nextStep({ kind: 'close', code: 1000 }, 2, true, fixed)).toEqual({
      action: 'rewatch',
      delayMs: 0,
      failures: 0,
    });
  });

  it('re-lists with back-off after an abnormal close (server restart, network loss)', () => {
    expect(nextStep({ kind: 'close', code: 1006 }, 0, true, fixed)).toEqual({
      action: 'relist',
      delayMs: 500,
      failures: 1,
    });
    expect(nextStep({ kind: 'close', code: 1011 }, 1, false, fixed)).toEqual({
      action: 'relist',
      delayMs: 1000,
      failures: 2,
    });
  });

  it('treats a normal close before any event as a failure (re-list with back-off)', () => {
    expect(nextStep({ kind: 'close', code: 1000 }, 0, false, fixed)).toEqual({
      action: 'relist',
      delayMs: 500,
      failures: 1,
    });
  });

  it('retries failed lists that may succeed, and stops on the others', () => {
    const retry = (error: unknown) => nextStep({ kind: 'list-failed', error }, 1, false, fixed).action;
    expect(retry(networkError(new TypeError('Failed to fetch')))).toBe('relist');
    expect(retry(errorFromResponse(503, 'Service Unavailable', ''))).toBe('relist');
    expect(retry(errorFromResponse(429, 'Too Many Requests', ''))).toBe('relist');
    expect(retry(errorFromResponse(403, 'Forbidden', ''))).toBe('stop');
    expect(retry(errorFromResponse(404, 'Not Found', ''))).toBe('stop');
    expect(retry(new Error('cancelled'))).toBe('stop');
  });
});
