import { Alert, Content, HelperText, HelperTextItem, Stack, StackItem, Switch } from '@patternfly/react-core';
import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useMutation } from '@tanstack/react-query';
import { useAccessReview } from '../../../k8s/access-review';
import { k8sPatch } from '../../../k8s/client';
import { KubeVirtModel } from '../../../k8s/models';
import { describeError } from '../../../components/error-details';
import { emulationPatch, usesEmulation } from '../../../lib/kubevirt-config';
import { emulationEditAccess, kubevirtPatchAttributes } from '../model/kubevirt-status';
import { nameOf } from '../../../k8s/meta';

/**
 * developerConfiguration.useEmulation: a switch for users who may patch the CR (checked with a
 * SelfSubjectAccessReview), read-only with the reason for everyone else. A change is a merge patch;
 * the CR's watch shows the result.
 */
export function EmulationSwitch({ kubevirt }: { kubevirt: V1KubeVirt }) {
  const access = useAccessReview(kubevirtPatchAttributes(kubevirt));
  const edit = emulationEditAccess(kubevirt, access);
  const on = usesEmulation(kubevirt);
  const mutation = useMutation({
    mutationFn: (next: boolean) =>
      k8sPatch(KubeVirtModel, nameOf(kubevirt), emulationPatch(next), {
        type: 'merge',
        namespace: kubevirt.metadata?.namespace,
      }),
  });
  const shown = mutation.isPending && mutation.variables !== undefined ? mutation.variables : on;

  return (
    <Stack hasGutter>
      <StackItem>
        <Switch
          id="emulation-switch"
          className="kv-emulation-switch"
          label="Software emulation (useEmulation)"
          aria-describedby="emulation-help"
          isChecked={shown}
          isDisabled={!edit.editable || mutation.isPending}
          onChange={(_e, checked) => mutation.mutate(checked)}
        />
      </StackItem>
      <StackItem>
        <HelperText id="emulation-help">
          <HelperTextItem>
            For nodes without hardware virtualization (no /dev/kvm, no nested virtualization). VMs started while it is
            on run with QEMU&apos;s software emulation and are much slower; running VMs keep their mode until they
            restart.
          </HelperTextItem>
          {!edit.editable && edit.reason && (
            <HelperTextItem id="emulation-readonly-reason" variant="warning">
              {edit.reason}
            </HelperTextItem>
          )}
        </HelperText>
      </StackItem>
      {mutation.isError && (
        <StackItem>
          <Alert variant="danger" isInline title="Software emulation was not changed" id="emulation-error">
            <Content component="p">{describeError(mutation.error).message}</Content>
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
}
