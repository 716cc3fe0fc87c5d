import { Label } from '@patternfly/react-core';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Timestamp } from '../../../components/timestamp';
import { nameOf, namespaceOf, type VM } from '../selectors';
import { eventTime, isWarning } from './event-sources';
import { useVmEvents } from './use-vm-related';

/** Events of the VM, its VMI, launcher pods and DataVolumes, live, newest first; warnings stand out. */
export function EventsTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const { events, error } = useVmEvents(namespace, vm, name);
  if (error && !events) return <ErrorState title="Cannot load the events" error={error} reload />;
  if (!events) return <LoadingState label="Loading events" />;
  if (!events.length) {
    return (
      <EmptyStateView title="No events">
        Nothing has happened to {name}, its instance, launcher pods or DataVolumes yet (events expire after an hour).
      </EmptyStateView>
    );
  }
  return (
    <Table aria-label="Events" variant="compact" id={`vm-${namespace}-${name}-events`}>
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
            <Tr key={e.metadata?.uid ?? e.metadata?.name} className={warning ? 'kv-event--warning' : undefined} id={`event-${e.metadata?.uid}`}>
              <Td dataLabel="Type">
                {warning ? (
                  <Label color="orange" icon={<ExclamationTriangleIcon />} isCompact>Warning</Label>
                ) : (
                  <Label isCompact variant="outline">{e.type ?? 'Normal'}</Label>
                )}
              </Td>
              <Td dataLabel="Reason">
                {e.reason}
                {e.count && e.count > 1 ? <span className="kv-subtle"> ×{e.count}</span> : null}
              </Td>
              <Td dataLabel="Object">
                {e.involvedObject?.kind} {e.involvedObject?.name}
              </Td>
              <Td dataLabel="Message" modifier="breakWord">{e.message}</Td>
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
