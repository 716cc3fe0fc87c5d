import { Label } from '@patternfly/react-core';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { eventTime, isWarning, type CoreEvent } from '../kubevirt/event-sources';
import { Timestamp } from './timestamp';
import './events-table.css';

/** Events, newest first as given; warnings stand out. */
export function EventsTable({ id, events }: { id: string; events: CoreEvent[] }) {
  return (
    <Table aria-label="Events" variant="compact" id={id}>
      <Thead>
        <Tr>
          <Th width={10}>Type</Th>
          <Th width={15}>Reason</Th>
          <Th width={20}>Object</Th>
          <Th>Message</Th>
          <Th width={10}>Last seen</Th>
        </Tr>
      </Thead>
      <Tbody>
        {events.map((e) => {
          const warning = isWarning(e);
          return (
            <Tr
              key={e.metadata?.uid ?? e.metadata?.name}
              className={warning ? 'kv-event--warning' : undefined}
              id={`event-${e.metadata?.uid}`}
            >
              <Td dataLabel="Type">
                {warning ? (
                  <Label color="orange" icon={<ExclamationTriangleIcon />} isCompact>
                    Warning
                  </Label>
                ) : (
                  <Label isCompact variant="outline">
                    {e.type ?? 'Normal'}
                  </Label>
                )}
              </Td>
              <Td dataLabel="Reason">
                {e.reason}
                {e.count && e.count > 1 ? <span className="pf-v6-u-text-color-subtle"> ×{e.count}</span> : null}
              </Td>
              <Td dataLabel="Object">
                {e.involvedObject?.kind} {e.involvedObject?.name}
              </Td>
              <Td dataLabel="Message" modifier="breakWord">
                {e.message}
              </Td>
              <Td dataLabel="Last seen">
                <Timestamp value={eventTime(e)} />
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
