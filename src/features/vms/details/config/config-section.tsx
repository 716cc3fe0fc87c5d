import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import { PencilAltIcon } from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import type { ReactNode } from 'react';
import { ReasonButton } from '../../../../components/disabled-reason';
import { lowerFirstWord } from '../../../../lib/text';

export interface ConfigSectionProps {
  /** `config-<id>`: the card's id; its Edit button is `config-<id>-edit`. */
  id: string;
  title: string;
  /** Opens the section's edit dialog; absent: no Edit button. */
  onEdit?: () => void;
  /** Why the user cannot edit (read-only): the Edit button stays, disabled, with it. */
  editDisabledReason?: string;
  /** Extra header actions. */
  actions?: ReactNode;
  children: ReactNode;
}

/** One section of the Configuration tab: a card with its title, an "Edit <title>" button and its content. */
export function ConfigSection({ id, title, onEdit, editDisabledReason, actions, children }: ConfigSectionProps) {
  const edit = onEdit && (
    <ReasonButton
      id={`config-${id}-edit`}
      variant="link"
      icon={<PencilAltIcon />}
      aria-label={`Edit ${lowerFirstWord(title)}`}
      onClick={editDisabledReason ? undefined : onEdit}
      disabledReason={editDisabledReason}
    >
      Edit
    </ReasonButton>
  );
  return (
    <Card id={`config-${id}`} isFullHeight component="section" aria-labelledby={`config-${id}-title`}>
      <CardHeader
        actions={{
          actions: (
            <>
              {actions}
              {edit}
            </>
          ),
          hasNoOffset: true,
        }}
      >
        <CardTitle component="h2" id={`config-${id}-title`}>
          {title}
        </CardTitle>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

/** A description list of a section (named after it). */
export function ConfigList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DescriptionList isCompact isHorizontal aria-label={label}>
      {children}
    </DescriptionList>
  );
}

/** One term and its value; `id` is the value's. */
export function ConfigItem({ term, id, children }: { term: string; id: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}
