import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useState } from 'react';
import { FieldHelper } from '../../../../components/form/field-helper';
import { vmRunStrategy, type RunStrategy } from '../../../../kubevirt/run-strategy';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { ConfigItem, ConfigList, ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const HINTS: Record<RunStrategy, string> = {
  Always: 'Always running: started again whenever it stops.',
  Halted: 'Stopped, and kept stopped.',
  Manual: 'Started and stopped only by you.',
  RerunOnFailure: 'Started again only when the guest fails.',
  Once: 'Runs once; not started again when it stops.',
};

function RunStrategyModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const [strategy, setStrategy] = useState<RunStrategy>(vmRunStrategy(vm));
  return (
    <EditModal
      id="run-strategy"
      title="Edit run strategy"
      vm={vm}
      variant="small"
      // spec.running and spec.runStrategy are exclusive: the strategy replaces the deprecated flag.
      build={() => [
        { path: ['spec', 'runStrategy'], value: strategy },
        { path: ['spec', 'running'], value: null },
      ]}
      onClose={onClose}
    >
      <FormGroup label="Run strategy" fieldId="config-run-strategy">
        <FormSelect
          id="config-run-strategy"
          value={strategy}
          onChange={(_e, v) => setStrategy(v as RunStrategy)}
          aria-describedby="config-run-strategy-helper"
        >
          {(Object.keys(HINTS) as RunStrategy[]).map((s) => (
            <FormSelectOption key={s} value={s} label={s} />
          ))}
        </FormSelect>
        <FieldHelper fieldId="config-run-strategy" hint={HINTS[strategy]} />
      </FormGroup>
    </EditModal>
  );
}

/** The run strategy: whether KubeVirt keeps the VM running. */
export function RunStrategySection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const strategy = vmRunStrategy(vm);
  return (
    <ConfigSection id="run-strategy" title="Run strategy" onEdit={() => setOpen(true)} editDisabledReason={readOnly}>
      <ConfigList label="Run strategy">
        <ConfigItem term="Run strategy" id="config-run-strategy-value">
          {strategy}
        </ConfigItem>
      </ConfigList>
      <p className="kv-subtle">{HINTS[strategy]}</p>
      {open && <RunStrategyModal vm={vm} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
