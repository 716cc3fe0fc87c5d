import { Card, CardBody, CardTitle, Content, Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ErrorState } from '../../../components/error-state';
import { useKubeVirt } from '../../../components/kubevirt/use-kubevirt';
import { LoadingState } from '../../../components/loading-state';
import { featureGateRows } from '../model/feature-gates';

function Body() {
  const { kubevirt, error, isLoading } = useKubeVirt();
  if (isLoading) return <LoadingState label="Loading feature gates" />;
  if (error) return <ErrorState title="Cannot load feature gates" error={error} />;
  const rows = featureGateRows(kubevirt);
  if (rows.length === 0) {
    return (
      <Content component="p" id="feature-gates-none">
        No feature gates are set: KubeVirt runs with its defaults
        (spec.configuration.developerConfiguration.featureGates is empty).
      </Content>
    );
  }
  return (
    <Table aria-label="Feature gates" variant="compact" id="feature-gates">
      <Thead>
        <Tr>
          <Th>Gate</Th>
          <Th>State</Th>
          <Th>What it does</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((g) => (
          <Tr key={g.name} id={`feature-gate-${g.name}`}>
            <Td dataLabel="Gate">{g.name}</Td>
            <Td dataLabel="State">
              <Label color={g.enabled ? 'green' : 'grey'} isCompact>
                {g.enabled ? 'Enabled' : 'Disabled'}
              </Label>
            </Td>
            <Td dataLabel="What it does">{g.description ?? '-'}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The feature gates the KubeVirt CR names. */
export function FeatureGatesCard() {
  return (
    <Card id="feature-gates-card" aria-labelledby="feature-gates-card-title">
      <CardTitle component="h2" id="feature-gates-card-title">
        Feature gates
      </CardTitle>
      <CardBody>
        <Body />
      </CardBody>
    </Card>
  );
}
