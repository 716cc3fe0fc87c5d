/**
 * The PromQL the console sends for KubeVirt's own metrics (kubevirt/kubevirt docs/metrics.md), and the
 * time ranges the utilization charts offer. Pure functions; what the embedded cluster's Prometheus
 * endpoint evaluates is the same subset (see the metrics contract in the project's notes).
 */

export type MetricId = 'cpu' | 'memory' | 'network-in' | 'network-out' | 'storage-read' | 'storage-write';

/** How a metric's values read: CPU in cores, memory in bytes, traffic in bytes per second. */
export type MetricUnit = 'cores' | 'bytes' | 'bytes-per-second';

export interface MetricDefinition {
  id: MetricId;
  title: string;
  unit: MetricUnit;
  /** KubeVirt's metric name. */
  metric: string;
  /** A counter (rate over the range's window) or a gauge (as it is). */
  counter: boolean;
}

export const VM_METRICS: readonly MetricDefinition[] = [
  { id: 'cpu', title: 'CPU', unit: 'cores', metric: 'kubevirt_vmi_cpu_usage_seconds_total', counter: true },
  { id: 'memory', title: 'Memory', unit: 'bytes', metric: 'kubevirt_vmi_memory_used_bytes', counter: false },
  {
    id: 'network-in',
    title: 'Network in',
    unit: 'bytes-per-second',
    metric: 'kubevirt_vmi_network_receive_bytes_total',
    counter: true,
  },
  {
    id: 'network-out',
    title: 'Network out',
    unit: 'bytes-per-second',
    metric: 'kubevirt_vmi_network_transmit_bytes_total',
    counter: true,
  },
  {
    id: 'storage-read',
    title: 'Storage read',
    unit: 'bytes-per-second',
    metric: 'kubevirt_vmi_storage_read_traffic_bytes_total',
    counter: true,
  },
  {
    id: 'storage-write',
    title: 'Storage write',
    unit: 'bytes-per-second',
    metric: 'kubevirt_vmi_storage_write_traffic_bytes_total',
    counter: true,
  },
];

export type RangeId = '5m' | '1h' | '6h' | '24h' | '1w';

export interface TimeRange {
  id: RangeId;
  label: string;
  /** How far back the chart reaches. */
  seconds: number;
  /** Seconds between points (the query_range step): at most a few hundred points per chart. */
  step: number;
  /** The window of rate() for counters. */
  window: string;
  /** How often the chart asks again (ms). */
  refetchMs: number;
}

export const TIME_RANGES: readonly TimeRange[] = [
  { id: '5m', label: '5 minutes', seconds: 300, step: 10, window: '1m', refetchMs: 10_000 },
  { id: '1h', label: '1 hour', seconds: 3600, step: 30, window: '2m', refetchMs: 30_000 },
  { id: '6h', label: '6 hours', seconds: 6 * 3600, step: 120, window: '5m', refetchMs: 60_000 },
  { id: '24h', label: '24 hours', seconds: 24 * 3600, step: 300, window: '10m', refetchMs: 120_000 },
  { id: '1w', label: '1 week', seconds: 7 * 24 * 3600, step: 3600, window: '2h', refetchMs: 300_000 },
];

export const timeRange = (id: string | null | undefined): TimeRange =>
  TIME_RANGES.find((r) => r.id === id) ?? TIME_RANGES[0];

/** A label value in a PromQL string literal: backslashes, quotes and line breaks escaped. */
export const promString = (value: string): string =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const matchers = (labels: Record<string, string | undefined>): string =>
  Object.entries(labels)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${promString(v)}`)
    .join(',');

const selector = (def: MetricDefinition, labels: Record<string, string | undefined>, window: string): string => {
  const vector = `${def.metric}{${matchers(labels)}}`;
  return def.counter ? `rate(${vector}[${window}])` : vector;
};

/** One VM's series of a metric: `sum(rate(kubevirt_vmi_cpu_usage_seconds_total{namespace="ns",name="vm"}[1m]))`. */
export const vmMetricQuery = (def: MetricDefinition, namespace: string, name: string, window: string): string =>
  `sum(${selector(def, { namespace, name }, window)})`;

export type ConsumerId = 'cpu' | 'memory' | 'network' | 'storage';

export interface ConsumerDefinition {
  id: ConsumerId;
  title: string;
  unit: MetricUnit;
  metrics: MetricDefinition[];
}

const byId = (id: MetricId): MetricDefinition => VM_METRICS.find((m) => m.id === id)!;

export const TOP_CONSUMERS: readonly ConsumerDefinition[] = [
  { id: 'cpu', title: 'CPU', unit: 'cores', metrics: [byId('cpu')] },
  { id: 'memory', title: 'Memory', unit: 'bytes', metrics: [byId('memory')] },
  { id: 'network', title: 'Network', unit: 'bytes-per-second', metrics: [byId('network-in'), byId('network-out')] },
  { id: 'storage', title: 'Storage', unit: 'bytes-per-second', metrics: [byId('storage-read'), byId('storage-write')] },
];

/**
 * The k VMs using the most of a resource, in a namespace or everywhere:
 * `topk(5, sum by (namespace, name) (rate(...[5m])) + sum by (namespace, name) (rate(...[5m])))`.
 */
export function topConsumersQuery(def: ConsumerDefinition, namespace: string | undefined, window = '5m', k = 5) {
  const parts = def.metrics.map((m) => `sum by (namespace, name) (${selector(m, { namespace }, window)})`);
  return `topk(${k}, ${parts.join(' + ')})`;
}

/** Migration progress gauges of virt-handler, by namespace and VMI name. */
export const MIGRATION_PROCESSED = 'kubevirt_vmi_migration_data_processed_bytes';
export const MIGRATION_REMAINING = 'kubevirt_vmi_migration_data_remaining_bytes';

export const migrationMetricQuery = (metric: string, namespace: string | undefined): string =>
  `${metric}{${matchers({ namespace })}}`;
