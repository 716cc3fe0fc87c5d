import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { EventsTable } from '../../../components/events-table';
import { LoadingState } from '../../../components/loading-state';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
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
  return <EventsTable id={`vm-${namespace}-${name}-events`} events={events} />;
}
