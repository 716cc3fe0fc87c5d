import { createdOf, nameOf, uidOf } from '../../../k8s/meta';
import { vmiPhaseTransitions, type VMI } from '../../../kubevirt/vmi-selectors';
import { type VM } from '../../../kubevirt/vm-selectors';
import { eventTime, type CoreEvent } from '../../../kubevirt/event-sources';

export interface TimelineEntry {
  /** Stable React key. */
  key: string;
  /** RFC 3339. */
  time: string;
  title: string;
  detail?: string;
  /** 'phase' for a VMI phase transition, 'event' for a Kubernetes event, 'created' for the VM's creation. */
  source: 'phase' | 'event' | 'created';
  warning: boolean;
}

const PHASE_TEXT: Record<string, string> = {
  Pending: 'Instance pending',
  Scheduling: 'Scheduling on a node',
  Scheduled: 'Scheduled',
  Running: 'Running',
  Succeeded: 'Stopped (succeeded)',
  Failed: 'Failed',
  WaitingForSync: 'Waiting for sync',
  Unknown: 'Unknown phase',
};

const ms = (t: string): number => {
  const v = Date.parse(t);
  return Number.isNaN(v) ? 0 : v;
};

/**
 * The lifecycle of a VM as one chronological list (oldest first): its creation, the current VMI's
 * phase transitions and the events about it. `limit` keeps the most recent entries.
 */
export function buildTimeline(
  vm: VM | undefined,
  vmi: VMI | undefined,
  events: CoreEvent[],
  limit = 15,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const created = createdOf(vm);
  if (created)
    entries.push({ key: 'created', time: created, title: 'VirtualMachine created', source: 'created', warning: false });

  const vmiName = nameOf(vmi);
  for (const t of vmiPhaseTransitions(vmi)) {
    entries.push({
      key: `phase-${uidOf(vmi) ?? vmiName}-${t.phase}-${t.timestamp}`,
      time: t.timestamp,
      title: PHASE_TEXT[t.phase] ?? t.phase,
      detail: `VirtualMachineInstance ${vmiName} phase ${t.phase}`,
      source: 'phase',
      warning: t.phase === 'Failed',
    });
  }

  for (const e of events) {
    const time = eventTime(e);
    if (!time) continue;
    const count = e.count && e.count > 1 ? ` (×${e.count})` : '';
    entries.push({
      key: `event-${e.metadata?.uid ?? e.metadata?.name}`,
      time,
      title: `${e.reason ?? 'Event'}${count}`,
      detail: [e.involvedObject?.kind, e.message].filter(Boolean).join(': '),
      source: 'event',
      warning: e.type === 'Warning',
    });
  }

  // Stable: equal times keep the order above (creation, phases, events).
  const sorted = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => ms(a.entry.time) - ms(b.entry.time) || a.i - b.i)
    .map(({ entry }) => entry);
  return sorted.slice(Math.max(0, sorted.length - limit));
}
