import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { formatMetricValue, formatPointTime, type ValueUnit } from '../../lib/metric-units';

/** A chart's values as a table: the accessible alternative (visually hidden unless `visible`). */
export function MetricTable({
  title,
  points,
  unit,
  rangeSeconds,
  visible,
  id,
}: {
  title: string;
  points: [number, number][];
  unit: ValueUnit;
  rangeSeconds: number;
  visible: boolean;
  id: string;
}) {
  return (
    <div className={visible ? 'kv-metric-table' : 'pf-v6-screen-reader'}>
      <Table aria-label={title} variant="compact" id={id}>
        <Thead>
          <Tr>
            <Th>Time</Th>
            <Th>{title}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {[...points].reverse().map(([t, v]) => (
            <Tr key={t}>
              <Td dataLabel="Time">
                <time dateTime={new Date(t * 1000).toISOString()}>{formatPointTime(t, rangeSeconds)}</time>
              </Td>
              <Td dataLabel={title} data-value={v}>
                {formatMetricValue(v, unit)}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
}
