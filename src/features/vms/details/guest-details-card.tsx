import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  EmptyState,
  EmptyStateBody,
  Progress,
  ProgressMeasureLocation,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { DetailItem } from '../../../components/details/detail-item';
import { Timestamp } from '../../../components/timestamp';
import { k8sGetSubresource } from '../../../k8s/client';
import { VirtualMachineInstanceModel } from '../../../k8s/models';
import { k8sKeys } from '../../../k8s/query-keys';
import {
  fileSystemUsage,
  guestKernel,
  guestOsName,
  guestTimezone,
  listItems,
  loginTimestamp,
  type GuestAgentInfo,
  type GuestFileSystem,
  type GuestUser,
} from '../../../kubevirt/guest-agent';
import { vmiAgentConnected, vmiPhase, type VMI } from '../../../kubevirt/vmi-selectors';
import { formatBytes } from '../../../lib/quantity';

const REFRESH_MS = 30_000;

/** One guest agent subresource of a VMI, refreshed while shown. */
function useGuestAgent<T>(namespace: string, name: string, subresource: string, enabled: boolean) {
  return useQuery<T, Error>({
    queryKey: k8sKeys.guestAgent(namespace, name, subresource),
    queryFn: ({ signal }) =>
      k8sGetSubresource<T>(VirtualMachineInstanceModel, name, subresource, { namespace, kubevirt: true, signal }),
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

const subtle = (text: string) => <span className="pf-v6-u-text-color-subtle">{text}</span>;

function UsersTable({ users, id }: { users: GuestUser[]; id: string }) {
  if (!users.length) return subtle('No user is logged in.');
  return (
    <Table aria-label="Logged-in users" variant="compact" id={id}>
      <Thead>
        <Tr>
          <Th>User</Th>
          <Th>Domain</Th>
          <Th>Logged in</Th>
        </Tr>
      </Thead>
      <Tbody>
        {users.map((u, i) => (
          <Tr key={`${u.userName}-${u.loginTime ?? i}`}>
            <Td dataLabel="User">{u.userName}</Td>
            <Td dataLabel="Domain">{u.domain || '-'}</Td>
            <Td dataLabel="Logged in">
              <Timestamp value={loginTimestamp(u)} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function FileSystemsTable({ fileSystems, id }: { fileSystems: GuestFileSystem[]; id: string }) {
  if (!fileSystems.length) return subtle('No file system reported.');
  return (
    <Table aria-label="File systems" variant="compact" id={id}>
      <Thead>
        <Tr>
          <Th>Mount point</Th>
          <Th>Disk</Th>
          <Th>Type</Th>
          <Th>Used</Th>
          <Th width={30}>Usage</Th>
        </Tr>
      </Thead>
      <Tbody>
        {fileSystems.map((fs) => {
          const usage = fileSystemUsage(fs);
          const used = `${formatBytes(Number(fs.usedBytes) || 0)} of ${formatBytes(Number(fs.totalBytes) || 0)}`;
          return (
            <Tr key={`${fs.diskName}-${fs.mountPoint}`}>
              <Td dataLabel="Mount point">{fs.mountPoint}</Td>
              <Td dataLabel="Disk">{fs.diskName}</Td>
              <Td dataLabel="Type">{fs.fileSystemType}</Td>
              <Td dataLabel="Used">{used}</Td>
              <Td dataLabel="Usage">
                {usage === undefined ? (
                  '-'
                ) : (
                  <Progress
                    value={Math.round(usage)}
                    size="sm"
                    measureLocation={ProgressMeasureLocation.outside}
                    aria-label={`${fs.mountPoint} usage`}
                    variant={usage >= 90 ? 'danger' : usage >= 75 ? 'warning' : undefined}
                  />
                )}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

function AgentDetails({ namespace, name }: { namespace: string; name: string }) {
  const info = useGuestAgent<GuestAgentInfo>(namespace, name, 'guestosinfo', true);
  const users = useGuestAgent<unknown>(namespace, name, 'userlist', true);
  const fileSystems = useGuestAgent<unknown>(namespace, name, 'filesystemlist', true);
  const id = (field: string) => `vm-${namespace}-${name}-guest-${field}`;
  const value = (text: string | undefined) =>
    text ?? (info.error ? subtle(`Cannot read: ${info.error.message}`) : info.isLoading ? '…' : subtle('Not reported'));
  return (
    <Stack hasGutter>
      <StackItem>
        <DescriptionList isCompact columnModifier={{ default: '1Col', md: '2Col' }} aria-label="Guest details">
          <DetailItem term="Operating system" id={id('os')}>
            {value(guestOsName(info.data))}
          </DetailItem>
          <DetailItem term="Kernel" id={id('kernel')}>
            {value(guestKernel(info.data))}
          </DetailItem>
          <DetailItem term="Hostname" id={id('hostname')}>
            {value(info.data?.hostname || undefined)}
          </DetailItem>
          <DetailItem term="Time zone" id={id('timezone')}>
            {value(guestTimezone(info.data))}
          </DetailItem>
        </DescriptionList>
      </StackItem>
      <StackItem>
        <Title headingLevel="h3" size="md" className="pf-v6-u-mb-sm">
          Logged-in users
        </Title>
        {users.error ? (
          subtle(`Cannot read the users: ${users.error.message}`)
        ) : users.data === undefined ? (
          <Spinner size="md" aria-label="Loading the users" />
        ) : (
          <UsersTable users={listItems<GuestUser>(users.data)} id={id('users')} />
        )}
      </StackItem>
      <StackItem>
        <Title headingLevel="h3" size="md" className="pf-v6-u-mb-sm">
          File systems
        </Title>
        {fileSystems.error ? (
          subtle(`Cannot read the file systems: ${fileSystems.error.message}`)
        ) : fileSystems.data === undefined ? (
          <Spinner size="md" aria-label="Loading the file systems" />
        ) : (
          <FileSystemsTable fileSystems={listItems<GuestFileSystem>(fileSystems.data)} id={id('filesystems')} />
        )}
      </StackItem>
    </Stack>
  );
}

/** What the guest agent reports (OS, kernel, hostname, time zone, users, file systems), or why nothing. */
export function GuestDetailsCard({ namespace, name, vmi }: { namespace: string; name: string; vmi: VMI | undefined }) {
  const connected = vmiPhase(vmi) === 'Running' && vmiAgentConnected(vmi);
  return (
    <Card
      id={`vm-${namespace}-${name}-guest`}
      component="section"
      aria-labelledby={`vm-${namespace}-${name}-guest-title`}
    >
      <CardTitle component="h2" id={`vm-${namespace}-${name}-guest-title`}>
        Guest
      </CardTitle>
      <CardBody>
        {connected ? (
          <AgentDetails namespace={namespace} name={name} />
        ) : (
          <EmptyState titleText="Guest agent not connected" headingLevel="h3" variant="xs">
            <EmptyStateBody>
              {vmi
                ? 'The guest agent (qemu-guest-agent) in the guest is not connected: its OS, users and file systems are not reported. Install and start it in the guest.'
                : 'The VM is not running: its guest agent reports the OS, users and file systems once it runs.'}
            </EmptyStateBody>
          </EmptyState>
        )}
      </CardBody>
    </Card>
  );
}
