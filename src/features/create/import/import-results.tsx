import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { relatedVm } from '../../../kubevirt/restore-clone-rules';
import { namespacedPath } from '../../../lib/routes';
import type { ObjectResult } from '../apply/create-objects';

const STATUS: Record<ObjectResult['status'], { text: string; color: 'green' | 'red' | 'grey' }> = {
  created: { text: 'Created', color: 'green' },
  error: { text: 'Error', color: 'red' },
  skipped: { text: 'Skipped', color: 'grey' },
};

function objectLink(r: ObjectResult) {
  const o = r.object;
  const ns = o?.metadata?.namespace;
  if (r.status === 'created' && o?.kind === 'VirtualMachine' && ns && o.metadata?.name) {
    return <Link to={namespacedPath('virtualmachines', ns, o.metadata.name)}>{r.label}</Link>;
  }
  // Snapshots, restores and clones link to the VM they are about.
  const vm = r.status === 'created' && ns ? relatedVm(o as Parameters<typeof relatedVm>[0]) : undefined;
  if (vm && ns) {
    const rest = vm.tab === 'overview' ? [vm.name] : [vm.name, vm.tab];
    return <Link to={namespacedPath('virtualmachines', ns, ...rest)}>{r.label}</Link>;
  }
  return r.label;
}

/** One row per document: created, or the server's message. */
export function ImportResults({ results }: { results: ObjectResult[] }) {
  return (
    <Table aria-label="Results" variant="compact" className="kv-create-results" id="import-results">
      <Thead>
        <Tr>
          <Th width={15}>Result</Th>
          <Th width={30}>Object</Th>
          <Th>Message</Th>
        </Tr>
      </Thead>
      <Tbody>
        {results.map((r) => (
          <Tr key={r.position} id={`import-result-${r.position}`}>
            <Td dataLabel="Result">
              <Label color={STATUS[r.status].color} variant="outline">
                {STATUS[r.status].text}
              </Label>
            </Td>
            <Td dataLabel="Object">{objectLink(r)}</Td>
            <Td dataLabel="Message" className="kv-create-wrap">
              {r.message ?? ''}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
