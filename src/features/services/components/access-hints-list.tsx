import {
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import type { AccessHint } from '../model/access-hints';

export interface AccessHintsListProps {
  hints: AccessHint[];
  /** Prefix of each copy field's id, e.g. `service-<ns>-<name>` gives `service-<ns>-<name>-hint-dns`. */
  idPrefix: string;
}

/** Each hint as a read-only field with a copy button (PatternFly ClipboardCopy). */
export function AccessHintsList({ hints, idPrefix }: AccessHintsListProps) {
  return (
    <DescriptionList isCompact isHorizontal aria-label="Access">
      {hints.map((h) => (
        <DescriptionListGroup key={h.id}>
          <DescriptionListTerm>{h.label}</DescriptionListTerm>
          <DescriptionListDescription>
            <ClipboardCopy
              id={`${idPrefix}-hint-${h.id}`}
              inputId={`${idPrefix}-hint-${h.id}-text`}
              isReadOnly
              hoverTip="Copy"
              clickTip="Copied"
              textAriaLabel={h.label}
              copyAriaLabel={`Copy ${h.label}`}
            >
              {h.value}
            </ClipboardCopy>
          </DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}
