import { Label } from '@patternfly/react-core';
import { vmiIsMigrating, vmiIsPaused, vmiPhase, type VMI } from '../../kubevirt/vmi-selectors';

const PHASE_COLOR: Record<string, 'green' | 'blue' | 'red' | 'grey' | 'orange'> = {
  Running: 'green',
  Succeeded: 'grey',
  Failed: 'red',
  Unknown: 'orange',
};

/** The VMI's phase as a label, with Paused and Migrating beside it while they hold. */
export function VmiStatus({ vmi, id }: { vmi: VMI; id?: string }) {
  const phase = vmiPhase(vmi);
  return (
    <span id={id}>
      <Label isCompact color={PHASE_COLOR[phase] ?? 'blue'}>
        {phase}
      </Label>
      {vmiIsPaused(vmi) && (
        <Label isCompact color="orange" className="pf-v6-u-ml-xs">
          Paused
        </Label>
      )}
      {vmiIsMigrating(vmi) && (
        <Label isCompact color="purple" className="pf-v6-u-ml-xs">
          Migrating
        </Label>
      )}
    </span>
  );
}
