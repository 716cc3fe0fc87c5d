import { Label } from '@patternfly/react-core';
import { vmiIsMigrating, vmiIsPaused, vmiPhase, type VMI } from '../../kubevirt/vmi-selectors';

const COLOR: Record<string, 'green' | 'blue' | 'red' | 'grey' | 'orange' | 'purple'> = {
  Running: 'green',
  Paused: 'orange',
  Migrating: 'purple',
  Succeeded: 'grey',
  Failed: 'red',
  Unknown: 'orange',
};

/** What the VMI is doing: its phase, or Paused / Migrating while a running VMI is so. */
export function vmiDisplayStatus(vmi: VMI): string {
  const phase = vmiPhase(vmi);
  if (phase !== 'Running') return phase;
  if (vmiIsPaused(vmi)) return 'Paused';
  if (vmiIsMigrating(vmi)) return 'Migrating';
  return phase;
}

/** The VMI's status as one label (a paused or migrating VMI's phase is Running: the tooltip says so). */
export function VmiStatus({ vmi, id }: { vmi: VMI; id?: string }) {
  const status = vmiDisplayStatus(vmi);
  const phase = vmiPhase(vmi);
  return (
    <Label
      id={id}
      isCompact
      color={COLOR[status] ?? 'blue'}
      title={status === phase ? undefined : `Phase ${phase}, ${status.toLowerCase()}`}
    >
      {status}
    </Label>
  );
}
