import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../kubevirt/event-sources';
import { buildTimeline } from './timeline';

const vm: V1VirtualMachine = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'ns', uid: 'vm-uid', creationTimestamp: '2026-01-01T10:00:00Z' },
  spec: { template: { spec: { domain: { devices: {} } } } },
};

const vmi = (transitions: Array<[string, string]>): V1VirtualMachineInstance => ({
  metadata: { name: 'vm1', namespace: 'ns', uid: 'vmi-uid' },
  spec: { domain: { devices: {} } },
  status: { phaseTransitionTimestamps: transitions.map(([phase, t]) => ({ phase, phaseTransitionTimestamp: t })) },
});

const event = (uid: string, reason: string, time: string, extra: Partial<CoreEvent> = {}): CoreEvent => ({
  metadata: { uid, name: `vm1.${uid}`, namespace: 'ns' },
  involvedObject: { kind: 'VirtualMachine', name: 'vm1' },
  reason,
  message: `${reason} message`,
  type: 'Normal',
  lastTimestamp: time,
  ...extra,
});

describe('buildTimeline', () => {
  it('puts creation, phase transitions and events in time order', () => {
    const entries = buildTimeline(
      vm,
      vmi([
        ['Pending', '2026-01-01T10:01:00Z'],
        ['Scheduling', '2026-01-01T10:01:02Z'],
        ['Running', '2026-01-01T10:01:10Z'],
      ]),
      [
        event('e2', 'Started', '2026-01-01T10:01:11Z', {
          involvedObject: { kind: 'VirtualMachineInstance', name: 'vm1' },
        }),
        event('e1', 'SuccessfulCreate', '2026-01-01T10:01:00Z'),
      ],
    );
    expect(entries.map((e) => [e.source, e.title])).toEqual([
      ['created', 'VirtualMachine created'],
      ['phase', 'Instance pending'],
      ['event', 'SuccessfulCreate'],
      ['phase', 'Scheduling on a node'],
      ['phase', 'Running'],
      ['event', 'Started'],
    ]);
    expect(entries[5].detail).toBe('VirtualMachineInstance: Started message');
  });

  it('marks warnings and failed phases, and counts repeated events', () => {
    const entries = buildTimeline(vm, vmi([['Failed', '2026-01-01T10:05:00Z']]), [
      event('w', 'FailedScheduling', '2026-01-01T10:04:00Z', { type: 'Warning', count: 3 }),
    ]);
    expect(entries.filter((e) => e.warning).map((e) => e.title)).toEqual(['FailedScheduling (×3)', 'Failed']);
  });

  it('falls back to eventTime and firstTimestamp, and skips events without a time', () => {
    const entries = buildTimeline(undefined, undefined, [
      event('a', 'A', '', { lastTimestamp: undefined, eventTime: '2026-01-01T10:00:02Z' }),
      event('b', 'B', '', { lastTimestamp: undefined, firstTimestamp: '2026-01-01T10:00:01Z' }),
      event('c', 'C', '', { lastTimestamp: undefined }),
    ]);
    expect(entries.map((e) => e.title)).toEqual(['B', 'A']);
  });

  it('keeps only the most recent entries', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      event(`e${i}`, `R${i}`, `2026-01-01T11:${String(i).padStart(2, '0')}:00Z`),
    );
    const entries = buildTimeline(vm, undefined, events, 5);
    expect(entries.map((e) => e.title)).toEqual(['R25', 'R26', 'R27', 'R28', 'R29']);
  });

  it('has no entries for a VM that was never created', () => {
    expect(buildTimeline(undefined, undefined, [])).toEqual([]);
  });
});
