import { describe, expect, it } from 'vitest';
import {
  migrationMetricQuery,
  promString,
  TIME_RANGES,
  timeRange,
  TOP_CONSUMERS,
  topConsumersQuery,
  VM_METRICS,
  vmMetricQuery,
} from './metrics-queries';

const def = (id: string) => VM_METRICS.find((m) => m.id === id)!;

describe('PromQL of the utilization charts', () => {
  it('asks for one VM as the metrics contract says', () => {
    expect(vmMetricQuery(def('cpu'), 'demo', 'fedora', '1m')).toBe(
      'sum(rate(kubevirt_vmi_cpu_usage_seconds_total{namespace="demo",name="fedora"}[1m]))',
    );
    expect(vmMetricQuery(def('memory'), 'demo', 'fedora', '1m')).toBe(
      'sum(kubevirt_vmi_memory_used_bytes{namespace="demo",name="fedora"})',
    );
    expect(vmMetricQuery(def('storage-write'), 'ns', 'vm', '5m')).toBe(
      'sum(rate(kubevirt_vmi_storage_write_traffic_bytes_total{namespace="ns",name="vm"}[5m]))',
    );
  });

  it('escapes label values', () => {
    expect(promString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(vmMetricQuery(def('memory'), 'x"}) or up{a="', 'vm', '1m')).toBe(
      'sum(kubevirt_vmi_memory_used_bytes{namespace="x\\"}) or up{a=\\"",name="vm"})',
    );
  });

  it('asks for the top consumers in a namespace or everywhere', () => {
    const cpu = TOP_CONSUMERS.find((c) => c.id === 'cpu')!;
    const network = TOP_CONSUMERS.find((c) => c.id === 'network')!;
    expect(topConsumersQuery(cpu, 'demo')).toBe(
      'topk(5, sum by (namespace, name) (rate(kubevirt_vmi_cpu_usage_seconds_total{namespace="demo"}[5m])))',
    );
    expect(topConsumersQuery(network, undefined)).toBe(
      'topk(5, sum by (namespace, name) (rate(kubevirt_vmi_network_receive_bytes_total{}[5m])) + ' +
        'sum by (namespace, name) (rate(kubevirt_vmi_network_transmit_bytes_total{}[5m])))',
    );
  });

  it('asks for migration progress by namespace', () => {
    expect(migrationMetricQuery('kubevirt_vmi_migration_data_remaining_bytes', 'demo')).toBe(
      'kubevirt_vmi_migration_data_remaining_bytes{namespace="demo"}',
    );
  });

  it('keeps every range to a few hundred points, 5 minutes by default', () => {
    for (const r of TIME_RANGES) expect(r.seconds / r.step).toBeLessThanOrEqual(400);
    expect(timeRange('nonsense').id).toBe('5m');
    expect(timeRange('1w').seconds).toBe(604800);
  });
});
