import { Alert, Stack, StackItem } from '@patternfly/react-core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { YamlEditor } from '../../../components/yaml-editor';
import { toYamlText } from '../../../components/yaml-editor/yaml-text';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { vmiOwnerVmName, type VMI } from '../../../kubevirt/vmi-selectors';
import { namespacedPath } from '../../../lib/routes';

/**
 * The VMI as YAML, live and read-only: KubeVirt refuses changes to a VMI's spec once it is
 * created (its VirtualMachine, if any, is where to change it). managedFields are left out.
 */
export function VmiYamlTab({ vmi }: { vmi: VMI }) {
  const namespace = namespaceOf(vmi);
  const name = nameOf(vmi);
  const owner = vmiOwnerVmName(vmi);
  const text = useMemo(() => {
    const { managedFields: _managed, ...metadata } = vmi.metadata ?? {};
    return toYamlText({ ...vmi, metadata });
  }, [vmi]);
  return (
    <Stack hasGutter id={`vmi-${namespace}-${name}-yaml`}>
      <StackItem>
        <Alert variant="info" isInline isPlain title="A VirtualMachine instance cannot be edited once it is created">
          {owner ? (
            <>
              Change its VirtualMachine{' '}
              <Link to={namespacedPath('virtualmachines', namespace, owner, 'yaml')}>{owner}</Link> instead: the changes
              apply to its next instance.
            </>
          ) : (
            'It belongs to no VirtualMachine: create a new instance to run it differently.'
          )}
        </Alert>
      </StackItem>
      <StackItem isFilled>
        <YamlEditor
          id={`vmi-${namespace}-${name}-yaml-editor`}
          ariaLabel={`YAML of VirtualMachine instance ${name}`}
          value={text}
          readOnly
          validate={false}
          height="max(320px, calc(100vh - 400px))"
        />
      </StackItem>
    </Stack>
  );
}
