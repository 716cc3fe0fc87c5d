import { ActionGroup, Button, Flex, Label, Stack, StackItem } from '@patternfly/react-core';
import { useEffect, useMemo, useReducer } from 'react';
import { YamlEditor } from '../../../components/yaml-editor';
import { useAccessReview } from '../../../k8s/access-review';
import { k8sGet, k8sUpdate } from '../../../k8s/client';
import { isK8sError } from '../../../k8s/k8s-error';
import { VirtualMachineModel } from '../../../k8s/models';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { prepareUpdate, type ObjectIdentity } from './prepare-update';
import { vmSnapshot } from './vm-yaml';
import { changedUnderneath, editReducer, initialEditState, isDirty } from './yaml-edit-state';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { YamlProblemsError, YamlTabAlerts } from './yaml-tab-alerts';

/** View and edit the VM as YAML: PUT with the resourceVersion, 409 handled without losing edits. */
export function YamlTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const snapshot = useMemo(() => vmSnapshot(vm), [vm]);
  const [state, dispatch] = useReducer(editReducer, snapshot, (s) =>
    editReducer(initialEditState, { type: 'live', snapshot: s }),
  );
  useEffect(() => dispatch({ type: 'live', snapshot }), [snapshot]);

  const access = useAccessReview({
    group: 'kubevirt.io',
    resource: 'virtualmachines',
    verb: 'update',
    name,
    namespace,
  });
  const readOnly = !access.isLoading && !access.allowed;
  const identity: ObjectIdentity = {
    apiVersion: vm.apiVersion ?? 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    name,
    namespace,
  };
  const dirty = isDirty(state);
  const saving = state.status === 'saving';

  const fetchLatest = () => k8sGet(VirtualMachineModel, name, { namespace });

  async function put(text: string, resourceVersion: string) {
    const prepared = prepareUpdate(text, identity, resourceVersion);
    if (!prepared.ok) {
      dispatch({ type: 'rejected', error: new YamlProblemsError(prepared.problems) });
      return;
    }
    dispatch({ type: 'saveStarted' });
    try {
      const saved = await k8sUpdate(VirtualMachineModel, prepared.object as unknown as VM);
      dispatch({ type: 'saveSucceeded', snapshot: vmSnapshot(saved) });
    } catch (error) {
      dispatch({ type: 'saveFailed', error, code: isK8sError(error) ? error.code : undefined });
    }
  }

  /** Save against the version the edits started from: a concurrent change gives 409. */
  const save = () => {
    if (state.base && dirty && !saving && !readOnly) void put(state.text, state.base.resourceVersion);
  };

  /** Keep the user's text, sent with the newest resourceVersion (their version wins). */
  const overwrite = async () => {
    const text = state.text;
    dispatch({ type: 'saveStarted' });
    try {
      const latest = await fetchLatest();
      await put(text, latest.metadata?.resourceVersion ?? '');
    } catch (error) {
      dispatch({ type: 'saveFailed', error, code: isK8sError(error) ? error.code : undefined });
    }
  };

  /** Drop the edits and show the newest version. */
  const reload = async () => {
    try {
      dispatch({ type: 'reload', snapshot: vmSnapshot(await fetchLatest()) });
    } catch {
      // Not readable right now (deleted, network): the latest version the watch delivered.
      dispatch({ type: 'reload' });
    }
  };

  return (
    <Stack hasGutter id={`vm-${namespace}-${name}-yaml`}>
      <UnsavedChangesGuard dirty={dirty && !saving} />
      <StackItem isFilled>
        <YamlEditor
          id={`vm-${namespace}-${name}-yaml-editor`}
          value={state.text}
          onChange={(text) => dispatch({ type: 'edit', text })}
          onSave={save}
          readOnly={readOnly || saving}
          // Leaves room for the heading, tabs and the Save button on a laptop screen.
          height="max(320px, calc(100vh - 430px))"
        />
      </StackItem>
      <StackItem>
        <YamlTabAlerts
          state={state}
          changed={changedUnderneath(state)}
          readOnlyReason={
            readOnly ? (access.reason ?? 'You are not allowed to update this VirtualMachine.') : undefined
          }
          onReload={reload}
          onOverwrite={overwrite}
          onDismiss={() => dispatch({ type: 'dismiss' })}
        />
      </StackItem>
      <StackItem>
        <ActionGroup className="kv-yaml-actions">
          <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapSm' }}>
            <Button variant="primary" onClick={save} isDisabled={!dirty || saving || readOnly} isLoading={saving}>
              Save
            </Button>
            <Button variant="secondary" onClick={reload} isDisabled={saving || (!dirty && !changedUnderneath(state))}>
              Reload
            </Button>
            {dirty && (
              <Label color="orange" id={`vm-${namespace}-${name}-yaml-unsaved`}>
                Unsaved changes
              </Label>
            )}
          </Flex>
        </ActionGroup>
      </StackItem>
    </Stack>
  );
}
