import { Label } from '@patternfly/react-core';
import { vmiDisplayStatus, vmiPhase, type VMI } from '../../kubevirt/vmi-selectors';

const COLOR: Record<string, 'green' | 'blue' | 'red' | 'grey' | 'orange' | 'purple'> = {
  Running: 'green',
  Paused: 'orange',
  Migrating: 'purple',
  Succeeded: 'grey',
  Failed: 'red',
  Unknown: 'orange',
};

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
