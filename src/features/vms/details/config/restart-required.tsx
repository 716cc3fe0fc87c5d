import { Alert, AlertActionLink, ExpandableSection } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMemo, useState } from 'react';
import { ReasonButton } from '../../../../components/disabled-reason';
import { namespaceOf } from '../../../../k8s/meta';
import { describeValue, pendingChanges } from '../../../../kubevirt/pending-changes';
import { vmCondition, type VM } from '../../../../kubevirt/vm-selectors';
import type { VMI } from '../../../../kubevirt/vmi-selectors';
import { useVmAccess, useVmActionRunner, vmAction } from '../../actions';

/**
 * The VM's RestartRequired condition, with what differs between the VM's template and the running
 * VMI, and a Restart action. Nothing while the condition is not True.
 */
export function RestartRequiredAlert({ vm, vmi }: { vm: VM; vmi?: VMI }) {
  const condition = vmCondition(vm, 'RestartRequired');
  const access = useVmAccess(namespaceOf(vm));
  const runner = useVmActionRunner();
  const [expanded, setExpanded] = useState(true);
  const changes = useMemo(() => pendingChanges(vm, vmi), [vm, vmi]);
  if (condition?.status !== 'True') return null;
  const restart = vmAction('restart', vm, vmi, access);
  return (
    <Alert
      variant="warning"
      isInline
      id="config-restart-required"
      title="Restart required"
      actionLinks={
        <ReasonButton
          id="config-restart"
          variant="link"
          isInline
          component={AlertActionLink as never}
          onClick={restart.disabledReason ? undefined : () => void runner.run(restart, vm).catch(() => undefined)}
          disabledReason={restart.disabledReason}
        >
          Restart
        </ReasonButton>
      }
    >
      <p>{condition.message || 'Some changes take effect only when the virtual machine restarts.'}</p>
      {changes.length > 0 && (
        <ExpandableSection
          toggleText={`${changes.length} ${changes.length === 1 ? 'change differs' : 'changes differ'} from the running instance`}
          isExpanded={expanded}
          onToggle={(_e, v) => setExpanded(v)}
        >
          <Table aria-label="Pending changes" variant="compact" id="config-pending-changes">
            <Thead>
              <Tr>
                <Th>Field</Th>
                <Th>Virtual machine</Th>
                <Th>Running instance</Th>
              </Tr>
            </Thead>
            <Tbody>
              {changes.map((c) => (
                <Tr key={c.field}>
                  <Td dataLabel="Field" className="kv-mono">
                    {c.field}
                  </Td>
                  <Td dataLabel="Virtual machine">{c.vm === undefined ? 'removed' : describeValue(c.vm)}</Td>
                  <Td dataLabel="Running instance">{c.vmi === undefined ? 'absent' : describeValue(c.vmi)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ExpandableSection>
      )}
    </Alert>
  );
}
