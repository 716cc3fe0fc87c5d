import { FormGroup, TextArea } from '@patternfly/react-core';
import { useState } from 'react';
import { LabelPairs } from '../../../../components/details/detail-item';
import { FieldHelper } from '../../../../components/form/field-helper';
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
      <FormGroup label="Labels" fieldId="config-labels">
        <TextArea
          id="config-labels"
          className="kv-mono"
          rows={5}
          value={labels}
          onChange={(_e, v) => setLabels(v)}
          validated={l.problems.length ? 'error' : 'default'}
          aria-describedby="config-labels-helper"
        />
        <FieldHelper fieldId="config-labels" error={l.problems.join('; ') || undefined} hint="One key=value a line." />
      </FormGroup>
      <FormGroup label="Annotations" fieldId="config-annotations">
        <TextArea
          id="config-annotations"
          className="kv-mono"
          rows={5}
          value={annotations}
          onChange={(_e, v) => setAnnotations(v)}
          validated={a.problems.length ? 'error' : 'default'}
          aria-describedby="config-annotations-helper"
        />
        <FieldHelper
          fieldId="config-annotations"
          error={a.problems.join('; ') || undefined}
          hint="One key=value a line."
        />
      </FormGroup>
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
