import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  Spinner,
  Switch,
  Title,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { LazyMetricChart } from '../../../components/metrics/lazy-metric-chart';
import { MetricTable } from '../../../components/metrics/metric-table';
import { PrometheusUnavailable } from '../../../components/metrics/prometheus-unavailable';
import { isPrometheusError, type RangeSeries } from '../../../k8s/prometheus';
import { rangeNow, usePrometheusRanges } from '../../../k8s/use-prometheus';
import { formatMetricValue, unitLabel } from '../../../lib/metric-units';
import {
  TIME_RANGES,
  VM_METRICS,
  timeRange,
  vmMetricQuery,
  type MetricDefinition,
  type RangeId,
} from '../../../kubevirt/metrics-queries';

interface PanelProps {
  def: MetricDefinition;
  series: RangeSeries[] | undefined;
  error: Error | null;
  rangeLabel: string;
  rangeSeconds: number;
  start: number;
  end: number;
  showTables: boolean;
  idPrefix: string;
}

function MetricPanel({ def, series, error, rangeLabel, rangeSeconds, start, end, showTables, idPrefix }: PanelProps) {
  const points = series?.[0]?.points ?? [];
  const title = `${def.title}, last ${rangeLabel}`;
  const latest = points.at(-1);
  return (
    <section aria-labelledby={`${idPrefix}-${def.id}-title`} className="kv-metric-panel">
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <Title headingLevel="h3" size="md" id={`${idPrefix}-${def.id}-title`}>
          {def.title}
          <span className="pf-v6-u-text-color-subtle pf-v6-u-font-weight-normal"> ({unitLabel(def.unit)})</span>
        </Title>
        <span id={`${idPrefix}-${def.id}-latest`} className="pf-v6-u-text-color-subtle">
          {latest ? formatMetricValue(latest[1], def.unit) : ''}
        </span>
      </Flex>
      {error ? (
        <span className="pf-v6-u-danger-color-100">{error.message}</span>
      ) : series === undefined ? (
        <Spinner size="md" aria-label={`Loading ${def.title}`} />
      ) : points.length === 0 ? (
        <span className="pf-v6-u-text-color-subtle">No data for the last {rangeLabel}</span>
      ) : (
        <>
          {!showTables && <LazyMetricChart title={title} points={points} unit={def.unit} start={start} end={end} />}
          <MetricTable
            title={title}
            points={points}
            unit={def.unit}
            rangeSeconds={rangeSeconds}
            visible={showTables}
            id={`${idPrefix}-${def.id}-table`}
          />
        </>
      )}
    </section>
  );
}

/** CPU, memory, network and storage of one VM over a chosen range, from Prometheus, live. */
export function UtilizationCard({ namespace, name }: { namespace: string; name: string }) {
  const [rangeId, setRangeId] = useState<RangeId>('5m');
  const [showTables, setShowTables] = useState(false);
  const range = timeRange(rangeId);
  const queries = useMemo(
    () => VM_METRICS.map((def) => vmMetricQuery(def, namespace, name, range.window)),
    [namespace, name, range.window],
  );
  const results = usePrometheusRanges(queries, {
    seconds: range.seconds,
    step: range.step,
    refetchMs: range.refetchMs,
  });
  const { start, end } = rangeNow(range.seconds, range.step, Math.max(0, ...results.map((r) => r.dataUpdatedAt)));
  const notConfigured = results.find((r) => isPrometheusError(r.error) && r.error.notConfigured)?.error;
  const idPrefix = `vm-${namespace}-${name}-utilization`;
  return (
    <Card id={idPrefix} aria-labelledby={`${idPrefix}-title`} component="section">
      <CardHeader
        actions={{
          hasNoOffset: true,
          actions: (
            <Flex alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem>
                <ToggleGroup aria-label="Time range" isCompact>
                  {TIME_RANGES.map((r) => (
                    <ToggleGroupItem
                      key={r.id}
                      text={r.label}
                      buttonId={`${idPrefix}-range-${r.id}`}
                      isSelected={r.id === rangeId}
                      onChange={() => setRangeId(r.id)}
                    />
                  ))}
                </ToggleGroup>
              </FlexItem>
              <FlexItem>
                <Switch
                  id={`${idPrefix}-tables`}
                  label="Show as tables"
                  isChecked={showTables}
                  onChange={(_e, checked) => setShowTables(checked)}
                />
              </FlexItem>
            </Flex>
          ),
        }}
      >
        <CardTitle component="h2" id={`${idPrefix}-title`}>
          Utilization
        </CardTitle>
      </CardHeader>
      <CardBody>
        {notConfigured ? (
          <PrometheusUnavailable error={notConfigured} what="utilization metrics" />
        ) : (
          <Grid hasGutter md={6} xl={4}>
            {VM_METRICS.map((def, i) => (
              <GridItem key={def.id}>
                <MetricPanel
                  def={def}
                  series={results[i].data}
                  error={results[i].data === undefined ? results[i].error : null}
                  rangeLabel={range.label}
                  rangeSeconds={range.seconds}
                  start={start}
                  end={end}
                  showTables={showTables}
                  idPrefix={idPrefix}
                />
              </GridItem>
            ))}
          </Grid>
        )}
      </CardBody>
    </Card>
  );
}
