import { ActionGroup, Alert, Button, Content, Spinner } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { ReasonButton } from '../../../components/disabled-reason';
import { STEP_TEXT, type CreateFlowState } from '../apply/use-create-flow';

interface Props {
  flow: CreateFlowState;
  busy: boolean;
  error?: { title: string; body: ReactNode };
  onCancel: () => void;
  onReset?: () => void;
  submitLabel?: string;
  extra?: ReactNode;
  /** Why the user cannot create (permissions): the submit button is disabled with it. */
  disabledReason?: string;
}

/** The error of the last attempt, the progress of this one, and the form's buttons. */
export function SubmitBar({
  flow,
  busy,
  error,
  onCancel,
  onReset,
  submitLabel = 'Create',
  extra,
  disabledReason,
}: Props) {
  return (
    <>
      {error && (
        <Alert variant="danger" isInline title={error.title} id="create-vm-error" role="alert">
          {error.body}
        </Alert>
      )}
      <div role="status" aria-live="polite" id="create-vm-progress">
        {busy && (
          <Content component="p">
            <Spinner size="md" aria-hidden /> {STEP_TEXT[flow.step]}
            {flow.step === 'create' && flow.current ? ` ${flow.current}` : ''}…
          </Content>
        )}
      </div>
      <ActionGroup>
        <ReasonButton
          id="create-vm-submit"
          type="submit"
          variant="primary"
          isLoading={busy}
          isDisabled={busy}
          disabledReason={disabledReason}
        >
          {submitLabel}
        </ReasonButton>
        {extra}
        <Button variant="link" onClick={onCancel} isDisabled={busy}>
          Cancel
        </Button>
        {onReset && (
          <Button variant="link" isDanger onClick={onReset} isDisabled={busy}>
            Reset form
          </Button>
        )}
      </ActionGroup>
    </>
  );
}
