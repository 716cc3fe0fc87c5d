import { Icon } from '@patternfly/react-core';
import { CircleIcon } from '@patternfly/react-icons/dist/esm/icons/circle-icon';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { InfoCircleIcon } from '@patternfly/react-icons/dist/esm/icons/info-circle-icon';
import { useMemo } from 'react';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Timestamp } from '../../../components/timestamp';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { type VMI } from '../../../kubevirt/vmi-selectors';
import { buildTimeline, type TimelineEntry } from './timeline';
import { useVmEvents } from './use-vm-related';

function EntryIcon({ entry }: { entry: TimelineEntry }) {
  if (entry.warning) {
    return (
      <Icon status="warning" isInline>
        <ExclamationTriangleIcon aria-label="Warning" />
      </Icon>
    );
  }
  return (
    <Icon status={entry.source === 'phase' ? 'info' : undefined} isInline>
      {entry.source === 'phase' ? <CircleIcon aria-hidden /> : <InfoCircleIcon aria-hidden />}
    </Icon>
  );
}

/** The VM's creation, its VMI's phase transitions and its events, oldest first. */
export function LifecycleTimeline({ vm, vmi }: { vm: VM; vmi: VMI | undefined }) {
  const { events, error } = useVmEvents(namespaceOf(vm), vm, nameOf(vm));
  const entries = useMemo(() => buildTimeline(vm, vmi, events ?? []), [vm, vmi, events]);
  if (error && !events) return <ErrorState title="Cannot load the events" error={error} />;
  if (!events) return <LoadingState label="Loading the lifecycle" />;
  if (!entries.length) return <EmptyStateView title="No lifecycle entries yet" />;
  return (
    <ol className="kv-timeline" aria-label="Lifecycle timeline" id={`vm-${namespaceOf(vm)}-${nameOf(vm)}-timeline`}>
      {entries.map((e) => (
        <li key={e.key} className={e.warning ? 'kv-timeline__entry kv-timeline__entry--warning' : 'kv-timeline__entry'}>
          <span className="kv-timeline__icon">
            <EntryIcon entry={e} />
          </span>
          <span className="kv-timeline__time">
            <Timestamp value={e.time} />
          </span>
          <span className="kv-timeline__title">{e.title}</span>
          {e.detail && <span className="kv-timeline__detail">{e.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
