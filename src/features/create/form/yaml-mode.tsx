import { Alert, AlertActionLink, Button, Form } from '@patternfly/react-core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { YamlEditor } from '../../../components/yaml-editor';

interface Props {
  yaml: string;
  edited: boolean;
  onChange: (yaml: string) => void;
  onBackToForm: () => void;
  onSubmit: () => void;
  /** The submit bar (errors, progress, buttons), given the "Back to form" button. */
  submitBar: (extra: ReactNode) => ReactNode;
}

/** "Edit YAML": the editor seeded with the form's manifests; Create sends what it holds. */
export function YamlMode({ yaml, edited, onChange, onBackToForm, onSubmit, submitBar }: Props) {
  const [confirming, setConfirming] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Form id="create-vm-yaml-form" aria-label="Create from YAML" onSubmit={submit}>
      <Alert variant="info" isInline isPlain title="Create sends the YAML below; the form's fields no longer apply." />
      <YamlEditor value={yaml} onChange={onChange} ariaLabel="YAML" validate={false} id="create-vm-yaml-editor" />
      {confirming && (
        <Alert
          variant="warning"
          isInline
          title="Go back to the form? Your YAML edits will be lost."
          actionLinks={
            <>
              <AlertActionLink onClick={onBackToForm}>Discard YAML edits</AlertActionLink>
              <AlertActionLink onClick={() => setConfirming(false)}>Keep editing</AlertActionLink>
            </>
          }
        />
      )}
      {submitBar(
        <Button variant="secondary" onClick={() => (edited ? setConfirming(true) : onBackToForm())}>
          Back to form
        </Button>,
      )}
    </Form>
  );
}
