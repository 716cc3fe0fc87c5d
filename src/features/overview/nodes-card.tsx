import { Card, CardBody, CardTitle, Label, LabelGroup } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { vmiOrVmPath, type NodeSummary } from './overview-model';

/** Nodes with their capacity and the VMs running on them. */
export function NodesCard({ nodes }: { nodes: NodeSummary[] }) {
  return (
    <Card id="overview-nodes-table" aria-labelledby="overview-nodes-table-title">
      <CardTitle component="h2" id="overview-nodes-table-title">
        Nodes and their virtual machines
      </CardTitle>
      <CardBody>
        <Table aria-label="Nodes" variant="compact">
          <Thead>
            <Tr>
              <Th>Node</Th>
              <Th>Status</Th>
              <Th>CPU</Th>
              <Th>Memory</Th>
              <Th>Virtual machines</Th>
            </Tr>
          </Thead>
          <Tbody>
            {nodes.map((n) => (
              <Tr key={n.name} id={`node-${n.name}`}>
                <Td dataLabel="Node">{n.name}</Td>
                <Td dataLabel="Status">
                  <Label isCompact color={n.ready ? 'green' : 'red'}>
                    {n.ready ? 'Ready' : 'NotReady'}
                  </Label>
                  {!n.schedulable && (
                    <Label isCompact color="orange" className="pf-v6-u-ml-xs">
                      SchedulingDisabled
                    </Label>
                  )}
                </Td>
                <Td dataLabel="CPU">{n.cpu}</Td>
                <Td dataLabel="Memory">{n.memory}</Td>
                <Td dataLabel="Virtual machines" id={`node-${n.name}-vms`}>
                  {n.vmis.length === 0 ? (
                    'None'
                  ) : (
                    <LabelGroup
                      numLabels={5}
                      aria-label={`Virtual machines on ${n.name}`}
                      categoryName={String(n.vmis.length)}
                    >
                      {n.vmis.map((v) => (
                        <Label key={`${v.namespace}/${v.name}`} isCompact>
                          <Link to={vmiOrVmPath(v.namespace, v.name, v.owner)}>{v.name}</Link>
                        </Label>
                      ))}
                    </LabelGroup>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </CardBody>
    </Card>
  );
}
