import {
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** One term and its value in a details card's description list; `id` is the value's (`vm-<ns>-<name>-<field>`). */
export function DetailItem({ term, id, children }: { term: string; id: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** An object's labels ("key=value", from labelPairs) as compact labels, or `none` when it has none. */
export function LabelPairs({ labels, none }: { labels: readonly string[]; none: ReactNode }) {
  if (!labels.length) return <>{none}</>;
  return (
    <LabelGroup numLabels={10} aria-label="Labels">
      {labels.map((l) => (
        <Label key={l} isCompact color="blue" variant="outline">
          {l}
        </Label>
      ))}
    </LabelGroup>
  );
}
