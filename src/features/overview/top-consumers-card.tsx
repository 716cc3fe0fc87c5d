import { Card, CardBody, CardTitle, Gallery, Label, Spinner, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PrometheusUnavailable } from '../../components/metrics/prometheus-unavailable';
import { isPrometheusError, type InstantSample } from '../../k8s/prometheus';
import { usePrometheusInstants } from '../../k8s/use-prometheus';
import { TOP_CONSUMERS, topConsumersQuery, type ConsumerDefinition } from '../../kubevirt/metrics-queries';
import { formatMetricValue } from '../../lib/metric-units';
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { vmiOrVmPath, vmiOwners } from './overview-model';

const REFRESH_MS = 30_000;

function ConsumerTable({
  def,
  samples,
  error,
  showNamespace,
  owners,
}: {
  def: ConsumerDefinition;
  samples: InstantSample[] | undefined;
  error: Error | null;
  showNamespace: boolean;
  /** The VM of each running VMI (namespace/name), null for a standalone VMI; undefined while unknown. */
  owners: ReadonlyMap<string, string | null> | undefined;
}) {
  const id = `top-consumers-${def.id}`;
  const sorted = useMemo(() => [...(samples ?? [])].sort((a, b) => b.value - a.value), [samples]);
  let body;
  if (samples === undefined && error) body = <span className="pf-v6-u-danger-color-100">{error.message}</span>;
  else if (samples === undefined) body = <Spinner size="md" aria-label={`Loading the top ${def.title} consumers`} />;
  else if (!sorted.length) body = <span className="pf-v6-u-text-color-subtle">No running VM reports {def.title}.</span>;
  else
    body = (
      <Table aria-label={`Top ${def.title} consumers`} variant="compact" id={`${id}-table`}>
        <Thead>
          <Tr>
            <Th>Virtual machine</Th>
            <Th modifier="nowrap">{def.title}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {sorted.map((s) => {
            const { namespace = '', name = '' } = s.metric;
            const owner = owners?.get(`${namespace}/${name}`);
            return (
              <Tr key={`${namespace}/${name}`}>
                <Td dataLabel="Virtual machine">
                  <Link to={vmiOrVmPath(namespace, name, owner)}>{showNamespace ? `${namespace}/${name}` : name}</Link>
                  {owner === null && (
                    <Label
                      isCompact
                      className="pf-v6-u-ml-xs"
                      title="A VirtualMachineInstance without a VirtualMachine"
                    >
                      VMI
                    </Label>
                  )}
                </Td>
                <Td dataLabel={def.title} data-value={s.value}>
                  {formatMetricValue(s.value, def.unit)}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    );
  return (
    <section aria-labelledby={`${id}-title`}>
      <Title headingLevel="h3" size="md" id={`${id}-title`} className="pf-v6-u-mb-sm">
        {def.title}
        {def.id === 'network' ? ' (in + out)' : def.id === 'storage' ? ' (read + write)' : ''}
      </Title>
      {body}
    </section>
  );
}

/** The VMs using the most CPU, memory, network and storage, in the namespace or everywhere, from Prometheus. */
export function TopConsumersCard({
  namespace,
  vmis,
}: {
  namespace: string | undefined;
  /** The watched VMIs (which have a VM), undefined while loading. */
  vmis: readonly V1VirtualMachineInstance[] | undefined;
}) {
  const owners = useMemo(() => (vmis ? vmiOwners(vmis) : undefined), [vmis]);
  const queries = useMemo(() => TOP_CONSUMERS.map((def) => topConsumersQuery(def, namespace)), [namespace]);
  const results = usePrometheusInstants(queries, REFRESH_MS);
  const notConfigured = results.find((r) => isPrometheusError(r.error) && r.error.notConfigured)?.error;
  return (
    <Card id="overview-top-consumers" component="section" aria-labelledby="overview-top-consumers-title">
      <CardTitle component="h2" id="overview-top-consumers-title">
        Top consumers {namespace ? `in ${namespace}` : 'in the cluster'}
      </CardTitle>
      <CardBody>
        {notConfigured ? (
          <PrometheusUnavailable error={notConfigured} what="top consumers" />
        ) : (
          <Gallery hasGutter minWidths={{ default: '260px' }}>
            {TOP_CONSUMERS.map((def, i) => (
              <ConsumerTable
                key={def.id}
                def={def}
                samples={results[i].data}
                error={results[i].error}
                showNamespace={!namespace}
                owners={owners}
              />
            ))}
          </Gallery>
        )}
      </CardBody>
    </Card>
  );
}
