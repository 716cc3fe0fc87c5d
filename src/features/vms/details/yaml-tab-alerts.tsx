import { Alert, AlertActionCloseButton, AlertActionLink, Content } from '@patternfly/react-core';
import { describeError } from '../../../components/error-details';
import type { YamlProblem } from '../../../components/yaml-editor/yaml-text';
import type { EditState } from './yaml-edit-state';

/** Problems found before sending (YAML syntax, a rename...), shown like a 422's causes. */
export class YamlProblemsError extends Error {
  constructor(readonly problems: YamlProblem[]) {
    super('The YAML cannot be saved');
    this.name = 'YamlProblemsError';
  }
}

function Causes({ error }: { error: unknown }) {
  const causes =
    error instanceof YamlProblemsError
      ? error.problems.map((p) => ({ field: p.start ? `line ${p.start.line}` : undefined, message: p.message }))
      : describeError(error).causes;
  if (!causes.length) return null;
  return (
    <Content component="ul" aria-label="Causes">
      {causes.map((c, i) => (
        <Content component="li" key={i}>
          {c.field ? `${c.field}: ` : ''}
          {c.message}
        </Content>
      ))}
    </Content>
  );
}

export interface YamlTabAlertsProps {
  state: EditState;
  /** The VM changed in the cluster since the edits began. */
  changed: boolean;
  readOnlyReason?: string;
  onReload: () => void;
  onOverwrite: () => void;
  onDismiss: () => void;
}

/** The outcome of the last save, a conflict's choice, and notices about the live object. */
export function YamlTabAlerts({
  state,
  changed,
  readOnlyReason,
  onReload,
  onOverwrite,
  onDismiss,
}: YamlTabAlertsProps) {
  const close = <AlertActionCloseButton onClose={onDismiss} />;
  return (
    <div aria-live="polite" className="kv-yaml-alerts">
      {readOnlyReason && (
        <Alert isInline variant="info" title="Read only">
          {readOnlyReason}
        </Alert>
      )}
      {state.status === 'saved' && (
        <Alert isInline variant="success" title="Saved" actionClose={close} id="yaml-saved">
          The VirtualMachine was updated (resourceVersion {state.base?.resourceVersion}).
        </Alert>
      )}
      {state.status === 'conflict' && (
        <Alert
          isInline
          variant="warning"
          title="The VirtualMachine changed while you were editing"
          id="yaml-conflict"
          actionLinks={
            <>
              <AlertActionLink onClick={onReload}>Reload</AlertActionLink>
              <AlertActionLink onClick={onOverwrite}>Overwrite</AlertActionLink>
            </>
          }
        >
          <Content component="p">{describeError(state.error).message}</Content>
          <Content component="p">
            Your edits are kept. Reload discards them and shows the latest version; Overwrite saves your version over
            it.
          </Content>
        </Alert>
      )}
      {(state.status === 'invalid' || state.status === 'failed') && (
        <Alert
          isInline
          variant="danger"
          title={state.status === 'invalid' ? 'The VirtualMachine is not valid' : 'Cannot save the VirtualMachine'}
          actionClose={close}
          id="yaml-error"
        >
          <Content component="p">{describeError(state.error).message}</Content>
          <Causes error={state.error} />
        </Alert>
      )}
      {changed && state.status !== 'conflict' && (
        <Alert
          isInline
          variant="info"
          title="The VM changed since you started editing"
          id="yaml-changed"
          actionLinks={<AlertActionLink onClick={onReload}>Reload</AlertActionLink>}
        >
          Saving now will likely fail with a conflict; Reload discards your edits and shows the latest version.
        </Alert>
      )}
    </div>
  );
}
