import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useState } from 'react';
import { LinesField } from '../../../../components/form/lines-field';
import { formatTolerations, parseTolerations } from '../../../../kubevirt/tolerations';
import { formatPairs, mapAssignment, parsePairs, type Assignment } from '../../../../kubevirt/vm-edit';
import { vmTemplateSpec, type VM } from '../../../../kubevirt/vm-selectors';
import { ConfigItem, ConfigList, ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const SPEC = ['spec', 'template', 'spec'];
const EVICTION = ['LiveMigrate', 'LiveMigrateIfPossible', 'None', 'External'];

function SchedulingModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const spec = vmTemplateSpec(vm);
  const [selector, setSelector] = useState(() => formatPairs(spec?.nodeSelector));
  const [tolerations, setTolerations] = useState(() => formatTolerations(spec?.tolerations));
  const [eviction, setEviction] = useState(spec?.evictionStrategy ?? '');
  const s = parsePairs(selector);
  const t = parseTolerations(tolerations);
  const build = (base: VM): Assignment[] | string => {
    if (s.problems.length || t.problems.length) return 'Correct the marked fields first.';
    return [
      mapAssignment([...SPEC, 'nodeSelector'], vmTemplateSpec(base)?.nodeSelector, s.pairs),
      { path: [...SPEC, 'tolerations'], value: t.tolerations.length ? t.tolerations : null },
      { path: [...SPEC, 'evictionStrategy'], value: eviction || null },
    ];
  };
  return (
    <EditModal id="scheduling" title="Edit scheduling" vm={vm} build={build} onClose={onClose}>
      <LinesField
        id="config-node-selector"
        label="Node selector"
        mono
        rows={3}
        value={selector}
        onChange={setSelector}
        problems={s.problems}
        hint="Node labels, one key=value a line."
      />
      <LinesField
        id="config-tolerations"
        label="Tolerations"
        mono
        rows={3}
        value={tolerations}
        onChange={setTolerations}
        problems={t.problems}
        hint="One a line: key[=value][:NoSchedule|PreferNoSchedule|NoExecute]."
      />
      <FormGroup label="Eviction strategy" fieldId="config-eviction">
        <FormSelect id="config-eviction" value={eviction} onChange={(_e, v) => setEviction(v)}>
          <FormSelectOption value="" label="Cluster default" />
          {EVICTION.map((e) => (
            <FormSelectOption key={e} value={e} label={e} />
          ))}
        </FormSelect>
      </FormGroup>
    </EditModal>
  );
}

/** Where the VM may run: node selector, tolerations and what happens when its node is drained. */
export function SchedulingSection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const spec = vmTemplateSpec(vm);
  const selector = formatPairs(spec?.nodeSelector);
  const tolerations = formatTolerations(spec?.tolerations);
  return (
    <ConfigSection id="scheduling" title="Scheduling" onEdit={() => setOpen(true)} editDisabledReason={readOnly}>
      <ConfigList label="Scheduling">
        <ConfigItem term="Node selector" id="config-node-selector-value">
          {selector ? selector.split('\n').map((l) => <div key={l}>{l}</div>) : '-'}
        </ConfigItem>
        <ConfigItem term="Tolerations" id="config-tolerations-value">
          {tolerations ? tolerations.split('\n').map((l, i) => <div key={i}>{l}</div>) : '-'}
        </ConfigItem>
        <ConfigItem term="Eviction strategy" id="config-eviction-value">
          {spec?.evictionStrategy ?? 'Cluster default'}
        </ConfigItem>
      </ConfigList>
      {open && <SchedulingModal vm={vm} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
