import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Timestamp } from './timestamp';

/** A status condition as Kubernetes objects report them (operators, VMIs, VMs...). */
export interface ConditionRow {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** A resource's conditions, in the order given (operators: Available, Progressing, Degraded first). */
export function ConditionsTable({ id, label, conditions }: { id: string; label: string; conditions: ConditionRow[] }) {
  if (conditions.length === 0) return <p id={`${id}-none`}>No conditions reported yet.</p>;
  return (
    <Table aria-label={label} variant="compact" id={id}>
      <Thead>
        <Tr>
          <Th>Type</Th>
          <Th>Status</Th>
          <Th modifier="wrap">Reason and message</Th>
          <Th modifier="wrap">Changed</Th>
        </Tr>
      </Thead>
      <Tbody>
        {conditions.map((c) => (
          <Tr key={c.type} id={`${id}-${c.type}`}>
            <Td dataLabel="Type">{c.type}</Td>
            <Td dataLabel="Status" id={`${id}-${c.type}-status`}>
              {c.status}
            </Td>
            <Td dataLabel="Reason and message">
              <strong>{c.reason ?? '-'}</strong>
              {c.message ? <div>{c.message}</div> : null}
            </Td>
            <Td dataLabel="Changed" modifier="nowrap">
              <Timestamp value={c.lastTransitionTime} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
