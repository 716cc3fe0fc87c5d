/**
 * One metric's area chart (PatternFly's Victory charts). Loaded on demand: `LazyMetricChart` keeps
 * the chart library out of every page that does not draw one.
 */
// PatternFly's chart tokens (light and dark), loaded with the chart library rather than with the first page.
import '@patternfly/patternfly/patternfly-charts.css';
import { Chart, ChartArea, ChartAxis, ChartGroup, ChartVoronoiContainer } from '@patternfly/react-charts/victory';
import { useEffect, useRef, useState } from 'react';
import { formatAxisValue, formatMetricValue, formatPointTime, type ValueUnit } from '../../lib/metric-units';

export interface MetricChartProps {
  /** The chart's accessible name (its SVG's title). */
  title: string;
  points: [number, number][];
  unit: ValueUnit;
  /** Start and end of the range (unix seconds): the x axis spans it even where data is missing. */
  start: number;
  end: number;
}

const HEIGHT = 150;

/** The width its container has now, following resizes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function MetricChart({ title, points, unit, start, end }: MetricChartProps) {
  const [ref, width] = useWidth();
  const data = points.map(([t, y]) => ({ x: t, y, name: title }));
  const max = Math.max(0, ...points.map((p) => p[1]));
  const range = end - start;
  return (
    <div ref={ref} className="kv-metric-chart" style={{ height: HEIGHT }}>
      {width > 0 && (
        <Chart
          ariaTitle={title}
          ariaDesc={`${title}: the same values are in the table "${title}"`}
          containerComponent={
            <ChartVoronoiContainer
              labels={({ datum }: { datum: { x: number; y: number } }) =>
                `${formatPointTime(datum.x, range)}: ${formatMetricValue(datum.y, unit)}`
              }
              constrainToVisibleArea
            />
          }
          domain={{ x: [start, end], y: [0, max > 0 ? max * 1.15 : 1] }}
          height={HEIGHT}
          width={width}
          padding={{ top: 10, bottom: 30, left: 70, right: 20 }}
        >
          <ChartAxis tickCount={5} tickFormat={(t: number) => formatPointTime(t, range)} fixLabelOverlap />
          <ChartAxis dependentAxis showGrid tickCount={3} tickFormat={(v: number) => formatAxisValue(v, unit)} />
          <ChartGroup>
            <ChartArea data={data} interpolation="monotoneX" />
          </ChartGroup>
        </Chart>
      )}
    </div>
  );
}
