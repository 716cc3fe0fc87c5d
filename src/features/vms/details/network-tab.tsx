import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { EmptyStateView } from '../../../components/empty-state';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { vmInterfaces, type VmInterface } from '../../../kubevirt/vm-devices';
import { useVmi } from './use-vm-related';

const bindingText = (i: VmInterface): string => (i.binding === 'plugin' ? (i.bindingPlugin ?? 'plugin') : i.binding);

/** Interfaces with their binding and network, and the running instance's MAC and IPs. */
export function NetworkTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const vmi = useVmi(namespace, name);
  const rows = vmInterfaces(vm, vmi);
  if (!rows.length)
    return <EmptyStateView title="No network interfaces">{name} has no network interfaces.</EmptyStateView>;
  return (
    <Table aria-label="Network interfaces" variant="compact" id={`vm-${namespace}-${name}-interfaces`}>
      <Thead>
        <Tr>
          <Th>Name</Th>
          <Th>Model</Th>
          <Th>Binding</Th>
          <Th>Network</Th>
          <Th>MAC address</Th>
          <Th>IP addresses</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((i) => (
          <Tr key={i.name} id={`vm-${namespace}-${name}-interface-${i.name}`}>
            <Td dataLabel="Name">{i.name}</Td>
            <Td dataLabel="Model">{i.model ?? 'virtio'}</Td>
            <Td dataLabel="Binding">{bindingText(i)}</Td>
            <Td dataLabel="Network">{i.network || '-'}</Td>
            <Td dataLabel="MAC address">
              <span className="kv-mono">{i.mac ?? '-'}</span>
            </Td>
            <Td dataLabel="IP addresses">
              {i.ips.length
                ? i.ips.map((ip) => (
                    <div key={ip} className="kv-mono">
                      {ip}
                    </div>
                  ))
                : vmi
                  ? 'Not reported'
                  : 'Not running'}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
