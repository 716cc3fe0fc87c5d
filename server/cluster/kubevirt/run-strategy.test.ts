import { describe, expect, it } from 'vitest';
import { decideRunAction, nextStartFailure, startBackoffSeconds, trimStateChangeRequests } from './run-strategy.js';
import type { VM, VMI } from './types.js';

const vm = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): VM =>
  ({ metadata: { name: 'v', uid: 'vm-uid' }, spec: { template: { spec: {} }, ...spec }, status }) as unknown as VM;
const vmi = (phase: string, meta: Record<string, unknown> = {}, ts: string[] = []): VMI =>
  ({
    metadata: { name: 'v', uid: 'vmi-1', ...meta },
    spec: { domain: {} },
    status: { phase, phaseTransitionTimestamps: ts.map((p) => ({ phase: p, phaseTransitionTimestamp: 'x' })) },
  }) as VMI;
const now = Date.parse('2025-01-01T00:00:00Z');

describe('decideRunAction', () => {
  it('Always starts a missing VMI and restarts a finished one', () => {
    expect(decideRunAction(vm({ runStrategy: 'Always' }), undefined, now)).toEqual({ kind: 'start' });
    expect(decideRunAction(vm({ running: true }), undefined, now)).toEqual({ kind: 'start' });
    expect(decideRunAction(vm({ runStrategy: 'Always' }), vmi('Running'), now)).toEqual({ kind: 'none' });
    expect(decideRunAction(vm({ runStrategy: 'Always' }), vmi('Succeeded'), now)).toEqual({ kind: 'stop' });
    const restart = vm(
      { runStrategy: 'Always' },
      { stateChangeRequests: [{ action: 'Stop', uid: 'vmi-1' }, { action: 'Start' }] },
    );
    expect(decideRunAction(restart, vmi('Running'), now)).toEqual({ kind: 'stop' });
  });
  it('Always waits out the start back-off', () => {
    const failing = vm({ runStrategy: 'Always' }, { startFailure: { retryAfterTimestamp: '2025-01-01T00:00:12Z' } });
    expect(decideRunAction(failing, undefined, now)).toEqual({ kind: 'backoff', ms: 12000 });
  });
  it('Halted stops a VMI and turns a start request into Always', () => {
    expect(decideRunAction(vm({ runStrategy: 'Halted' }), vmi('Running'), now)).toEqual({ kind: 'stop' });
    expect(decideRunAction(vm({ running: false }), undefined, now)).toEqual({ kind: 'none' });
    expect(
      decideRunAction(vm({ runStrategy: 'Halted' }, { stateChangeRequests: [{ action: 'Start' }] }), undefined, now),
    ).toEqual({
      kind: 'switch-to-always',
    });
    expect(decideRunAction(vm({ runStrategy: 'Halted' }), vmi('Running', { deletionTimestamp: 'x' }), now)).toEqual({
      kind: 'none',
    });
  });
  it('Manual acts only on requests', () => {
    expect(decideRunAction(vm({ runStrategy: 'Manual' }), undefined, now)).toEqual({ kind: 'none' });
    expect(
      decideRunAction(vm({ runStrategy: 'Manual' }, { stateChangeRequests: [{ action: 'Start' }] }), undefined, now),
    ).toEqual({
      kind: 'start',
    });
    expect(decideRunAction(vm({ runStrategy: 'Manual' }), vmi('Succeeded'), now)).toEqual({ kind: 'none' });
    const stop = vm({ runStrategy: 'Manual' }, { stateChangeRequests: [{ action: 'Stop', uid: 'vmi-1' }] });
    expect(decideRunAction(stop, vmi('Running'), now)).toEqual({ kind: 'stop' });
  });
  it('RerunOnFailure restarts only failed VMIs', () => {
    const rs = { runStrategy: 'RerunOnFailure' };
    expect(decideRunAction(vm(rs), undefined, now)).toEqual({ kind: 'start' });
    expect(decideRunAction(vm(rs, { runStrategy: 'RerunOnFailure' }), undefined, now)).toEqual({ kind: 'none' });
    expect(decideRunAction(vm(rs), vmi('Failed'), now)).toEqual({ kind: 'stop', requestStart: true });
    expect(decideRunAction(vm(rs), vmi('Succeeded'), now)).toEqual({ kind: 'stop', requestStart: false });
  });
  it('Once starts exactly once', () => {
    expect(decideRunAction(vm({ runStrategy: 'Once' }), undefined, now)).toEqual({ kind: 'start' });
    expect(decideRunAction(vm({ runStrategy: 'Once' }), vmi('Succeeded'), now)).toEqual({ kind: 'none' });
  });
});

describe('state change requests', () => {
  it('drops a Stop once the VMI is gone or replaced, a Start once a VMI runs', () => {
    const r = { stateChangeRequests: [{ action: 'Stop', uid: 'vmi-1' }, { action: 'Start' }] };
    expect(trimStateChangeRequests(vm({}, r), vmi('Running'))).toHaveLength(2);
    expect(trimStateChangeRequests(vm({}, r), undefined)).toEqual([{ action: 'Start' }]);
    expect(trimStateChangeRequests(vm({}, { stateChangeRequests: [{ action: 'Start' }] }), vmi('Pending'))).toEqual([]);
    expect(trimStateChangeRequests(vm({}, { stateChangeRequests: [{ action: 'Start' }] }), vmi('Failed'))).toHaveLength(
      1,
    );
  });
});

describe('start failures', () => {
  it('counts early failures once per VMI and clears after a successful run', () => {
    const base = vm({ runStrategy: 'Always' });
    const first = nextStartFailure(base, vmi('Failed'), now, 1, () => 0);
    expect(first).toEqual({
      consecutiveFailCount: 1,
      lastFailedVMIUID: 'vmi-1',
      retryAfterTimestamp: '2025-01-01T00:00:10Z',
    });
    const withFailure = vm({ runStrategy: 'Always' }, { startFailure: first });
    expect(nextStartFailure(withFailure, vmi('Failed'), now, 1, () => 0)).toBe(first);
    expect(nextStartFailure(withFailure, vmi('Failed', { uid: 'vmi-2' }), now, 1, () => 0)?.consecutiveFailCount).toBe(
      2,
    );
    expect(nextStartFailure(withFailure, vmi('Running', {}, ['Running']), now)).toBeUndefined();
  });
  it('backs off 10 s × count², capped at 300 s', () => {
    expect(startBackoffSeconds(1, () => 0)).toBe(10);
    expect(startBackoffSeconds(3, () => 0)).toBe(90);
    expect(startBackoffSeconds(10, () => 0.99)).toBe(300);
  });
});
