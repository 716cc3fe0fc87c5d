import { Button, Label, LabelGroup, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { IoK8sApiCoreV1ServicePort } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { ServiceActionsMenu, routesTo } from '../../../components/services/service-actions-menu';
import { RouteModel, ServiceModel } from '../../../k8s/models';
import { ROUTE_GROUP, useServedGroups } from '../../../k8s/use-served-groups';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { namespacedPath } from '../../../lib/routes';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { servicesSelectingVm } from './service-match';
import { useLauncherPods, useVmi } from './use-vm-related';

const portText = (p: IoK8sApiCoreV1ServicePort): string =>
  `${p.name ? `${p.name}: ` : ''}${p.port}${p.targetPort !== undefined && String(p.targetPort) !== String(p.port) ? `→${p.targetPort}` : ''}/${p.protocol ?? 'TCP'}${p.nodePort ? ` (node port ${p.nodePort})` : ''}`;

/** A link to the Services feature's Expose page for this VM. */
function ExposeLink({ vm }: { vm: VM }) {
  const to = namespacedPath('virtualmachines', namespaceOf(vm), nameOf(vm), 'expose');
  return (
    <Button
      variant="secondary"
      id={`vm-${namespaceOf(vm)}-${nameOf(vm)}-expose`}
      component={(props: object) => <Link {...props} to={to} />}
    >
      Expose a port
    </Button>
  );
}

/** The Services of the namespace that select this VM's launcher pod. */
export function ServicesTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const vmi = useVmi(namespace, name);
  const pods = useLauncherPods(namespace, name);
  const services = useK8sList(ServiceModel, { namespace });
  // Routes to a Service can be deleted with it (where the cluster serves Routes).
  const { groups } = useServedGroups();
  const routes = useK8sList(RouteModel, { namespace, enabled: Boolean(groups?.has(ROUTE_GROUP)) });
  const matching = useMemo(
    () => (services.data ? servicesSelectingVm(services.data, vm, vmi, pods.data) : undefined),
    [services.data, vm, vmi, pods.data],
  );
  if (services.error && !matching) return <ErrorState title="Cannot load Services" error={services.error} reload />;
  if (!matching) return <LoadingState label="Loading Services" />;
  if (!matching.length) {
    return (
      <EmptyStateView title="No Services select this VirtualMachine" actions={<ExposeLink vm={vm} />}>
        A Service reaches {name} when its selector matches the launcher pod, for example{' '}
        <code>vm.kubevirt.io/name: {name}</code> (what <code>virtctl expose</code> does).
      </EmptyStateView>
    );
  }
  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <ExposeLink vm={vm} />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label="Services" variant="compact" id={`vm-${namespace}-${name}-services`}>
        <Thead>
          <Tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Cluster IP</Th>
            <Th>Ports</Th>
            <Th>Selector</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {matching.map((s) => (
            <Tr key={s.metadata?.uid ?? s.metadata?.name} id={`service-${namespace}-${s.metadata?.name}`}>
              <Td dataLabel="Name">{s.metadata?.name}</Td>
              <Td dataLabel="Type">{s.spec?.type ?? 'ClusterIP'}</Td>
              <Td dataLabel="Cluster IP">
                <span className="kv-mono">{s.spec?.clusterIP ?? '-'}</span>
              </Td>
              <Td dataLabel="Ports">
                {(s.spec?.ports ?? []).map((p) => (
                  <div key={`${p.port}/${p.protocol}`}>{portText(p)}</div>
                ))}
              </Td>
              <Td dataLabel="Selector">
                <LabelGroup aria-label="Selector" numLabels={4}>
                  {Object.entries(s.spec?.selector ?? {}).map(([k, v]) => (
                    <Label key={k} isCompact variant="outline">{`${k}=${v}`}</Label>
                  ))}
                </LabelGroup>
              </Td>
              <Td isActionCell>
                <ServiceActionsMenu service={s} routes={routesTo(routes.data ?? [], s)} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}
