import { Skeleton } from '@patternfly/react-core';
import { lazy, Suspense } from 'react';
import type { MetricChartProps } from './metric-chart';

const MetricChart = lazy(() => import('./metric-chart').then((m) => ({ default: m.MetricChart })));

/** The chart from its own chunk (the chart library is loaded with the first chart drawn). */
export function LazyMetricChart(props: MetricChartProps) {
  return (
    <Suspense fallback={<Skeleton height="150px" screenreaderText={`Loading the chart ${props.title}`} />}>
      <MetricChart {...props} />
    </Suspense>
  );
}
