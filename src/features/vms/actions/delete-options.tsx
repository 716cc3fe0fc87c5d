import { Checkbox, FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { parseGracePeriod } from './grace-period';
import type { DeleteVmOptions } from './vm-requests';

export interface DeleteOptionsState {
  deleteDataVolumes: boolean;
  setDeleteDataVolumes: (on: boolean) => void;
  grace: string;
  setGrace: (text: string) => void;
  /** The options to send, or undefined while the grace period is not a whole number. */
  options: DeleteVmOptions | undefined;
}

/** The options of a VM deletion, as a dialog's fields edit them (owned DataVolumes go by default). */
export function useDeleteOptions(): DeleteOptionsState {
  const [deleteDataVolumes, setDeleteDataVolumes] = useState(true);
  const [grace, setGrace] = useState('');
  const parsed = parseGracePeriod(grace);
  const options = parsed.ok ? { deleteDataVolumes, gracePeriodSeconds: parsed.value } : undefined;
  return { deleteDataVolumes, setDeleteDataVolumes, grace, setGrace, options };
}

/**
 * The option fields of the delete dialogs: "Delete owned DataVolumes" (when there are any) and the
 * grace period.
 */
export function DeleteOptionsFields({
  id,
  state,
  hasDataVolumes,
  dataVolumesDescription,
  gracePlaceholder,
}: {
  /** Prefix of the fields' ids. */
  id: string;
  state: DeleteOptionsState;
  hasDataVolumes: boolean;
  dataVolumesDescription?: string;
  gracePlaceholder: string;
}) {
  const graceOk = parseGracePeriod(state.grace).ok;
  return (
    <>
      {hasDataVolumes && (
        <Checkbox
          id={`${id}-dvs`}
          label="Delete owned DataVolumes"
          description={dataVolumesDescription}
          isChecked={state.deleteDataVolumes}
          onChange={(_e, v) => state.setDeleteDataVolumes(v)}
        />
      )}
      <FormGroup label="Grace period (seconds)" fieldId={`${id}-grace`}>
        <TextInput
          id={`${id}-grace`}
          type="number"
          min={0}
          value={state.grace}
          placeholder={gracePlaceholder}
          validated={graceOk ? 'default' : 'error'}
          onChange={(_e, v) => state.setGrace(v)}
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant={graceOk ? 'default' : 'error'}>
              {graceOk ? 'Leave empty to use the default.' : 'Enter a whole number of seconds.'}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
    </>
  );
}
