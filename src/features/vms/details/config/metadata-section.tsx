import { FormGroup, TextArea } from '@patternfly/react-core';
import { useState } from 'react';
import { LabelPairs } from '../../../../components/details/detail-item';
import { LinesField } from '../../../../components/form/lines-field';
import { annotationsOf, labelsOf, labelPairs } from '../../../../k8s/meta';
import { formatPairs, mapAssignment, parsePairs, type Assignment } from '../../../../kubevirt/vm-edit';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { ConfigItem, ConfigList, ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const DESCRIPTION = 'description';

const withoutDescription = (a: Record<string, string>) => {
  const { [DESCRIPTION]: _d, ...rest } = a;
  return rest;
};

function MetadataModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const [labels, setLabels] = useState(() => formatPairs(labelsOf(vm)));
  const [annotations, setAnnotations] = useState(() => formatPairs(withoutDescription(annotationsOf(vm))));
  const [description, setDescription] = useState(annotationsOf(vm)[DESCRIPTION] ?? '');
  const l = parsePairs(labels);
  const a = parsePairs(annotations);
  const build = (base: VM): Assignment[] | string => {
    if (l.problems.length || a.problems.length) return 'Correct the marked fields first.';
    const annotationsAfter = { ...a.pairs, ...(description.trim() ? { [DESCRIPTION]: description.trim() } : {}) };
    return [
      mapAssignment(['metadata', 'labels'], labelsOf(base), l.pairs),
      mapAssignment(['metadata', 'annotations'], annotationsOf(base), annotationsAfter),
    ];
  };
  return (
    <EditModal
      id="metadata"
      title="Edit labels, annotations and description"
      vm={vm}
      build={build}
      onClose={onClose}
      variant="large"
    >
      <FormGroup label="Description" fieldId="config-description">
        <TextArea id="config-description" rows={2} value={description} onChange={(_e, v) => setDescription(v)} />
      </FormGroup>
      <LinesField
        id="config-labels"
        label="Labels"
        mono
        rows={5}
        value={labels}
        onChange={setLabels}
        problems={l.problems}
        hint="One key=value a line."
      />
      <LinesField
        id="config-annotations"
        label="Annotations"
        mono
        rows={5}
        value={annotations}
        onChange={setAnnotations}
        problems={a.problems}
        hint="One key=value a line."
      />
    </EditModal>
  );
}

/** The VM's labels, annotations and description. */
export function MetadataSection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const annotations = withoutDescription(annotationsOf(vm));
  return (
    <ConfigSection id="metadata" title="Metadata" onEdit={() => setOpen(true)} editDisabledReason={readOnly}>
      <ConfigList label="Metadata">
        <ConfigItem term="Description" id="config-description-value">
          {annotationsOf(vm)[DESCRIPTION] ?? '-'}
        </ConfigItem>
        <ConfigItem term="Labels" id="config-labels-value">
          <LabelPairs labels={labelPairs(vm)} none="-" />
        </ConfigItem>
        <ConfigItem term="Annotations" id="config-annotations-value">
          {Object.keys(annotations).length ? `${Object.keys(annotations).length} annotations` : '-'}
        </ConfigItem>
      </ConfigList>
      {open && <MetadataModal vm={vm} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
