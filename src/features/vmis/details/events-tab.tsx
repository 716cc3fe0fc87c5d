import { useMemo } from 'react';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { EventsTable } from '../../../components/events-table';
import { LoadingState } from '../../../components/loading-state';
import { EventModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { eventsOfKindSelector, mergeEventsNewestFirst } from '../../../kubevirt/event-sources';
import { isLauncherPodOf } from '../../../kubevirt/launcher-pod';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import type { VMI } from '../../../kubevirt/vmi-selectors';

/** Events of the VMI and its launcher pods (past and present), live, newest first. */
export function VmiEventsTab({ vmi }: { vmi: VMI }) {
  const namespace = namespaceOf(vmi);
  const name = nameOf(vmi);
  const vmiEvents = useK8sList(EventModel, {
    namespace,
    fieldSelector: eventsOfKindSelector('VirtualMachineInstance', name),
  });
  const podEvents = useK8sList(EventModel, { namespace, fieldSelector: eventsOfKindSelector('Pod') });
  const events = useMemo(() => {
    if (!vmiEvents.data) return undefined;
    const pods = podEvents.data?.filter((e) => isLauncherPodOf(e.involvedObject?.name, name));
    return mergeEventsNewestFirst([vmiEvents.data, pods]);
  }, [vmiEvents.data, podEvents.data, name]);
  const error = vmiEvents.error ?? podEvents.error;
  if (error && !events) return <ErrorState title="Cannot load the events" error={error} reload />;
  if (!events) return <LoadingState label="Loading events" />;
  if (!events.length) {
    return (
      <EmptyStateView title="No events">
        Nothing has happened to {name} or its launcher pods yet (events expire after an hour).
      </EmptyStateView>
    );
  }
  return <EventsTable id={`vmi-${namespace}-${name}-events`} events={events} />;
}
