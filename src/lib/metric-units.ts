/** How metric values read in charts, tooltips and tables. Pure functions. */
import { formatBytes, formatCores } from './quantity';

export type ValueUnit = 'cores' | 'bytes' | 'bytes-per-second';

/** 0.25 cores → "250m cores"; 1536 bytes → "1.5 KiB"; 2048 B/s → "2 KiB/s". */
export function formatMetricValue(value: number, unit: ValueUnit): string {
  if (!Number.isFinite(value)) return '-';
  switch (unit) {
    case 'cores': {
      const cores = formatCores(Math.round(value * 1000) / 1000);
      return `${cores} ${value === 1 ? 'core' : 'cores'}`;
    }
    case 'bytes':
      return formatBytes(value);
    case 'bytes-per-second':
      return `${formatBytes(value)}/s`;
  }
}

/** A short value for an axis tick: "400m" cores, "1.5 GiB", "20 KiB/s" (the unit is in the chart's title). */
export function formatAxisValue(value: number, unit: ValueUnit): string {
  if (unit === 'cores') return formatCores(Math.round(value * 1000) / 1000);
  return formatMetricValue(value, unit);
}

/** The unit's name for an axis or a table header. */
export const unitLabel = (unit: ValueUnit): string =>
  unit === 'cores' ? 'cores' : unit === 'bytes' ? 'bytes' : 'bytes/s';

/** A point's time in a table or tooltip: "14:05:30" within a day, "Mon 14:05" within a week, else the date. */
export function formatPointTime(seconds: number, rangeSeconds: number): string {
  const d = new Date(seconds * 1000);
  if (rangeSeconds <= 24 * 3600)
    return d.toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      second: rangeSeconds <= 3600 ? '2-digit' : undefined,
    });
  return d.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}
