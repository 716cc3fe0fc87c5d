import type { IoK8sApiCoreV1Node } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import {
  Card,
  CardBody,
  CardTitle,
  Content,
  Label,
  List,
  ListItem,
  Progress,
  ProgressMeasureLocation,
  ProgressVariant,
} from '@patternfly/react-core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyStateView } from '../../../components/empty-state';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table';
import { NodeModel, PodModel, VirtualMachineInstanceModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { formatBytes, formatCores } from '../../../lib/quantity';
import { namespacedPath } from '../../../lib/routes';
import { clusterAllocation, type NodeAllocation, type ResourceUse } from '../model/allocation';
import { DataState } from './data-state';
import { nameOf } from '../../../k8s/meta';

const cores = (n: number) => String(Math.round(n * 100) / 100);
const CPU_TEXT = (u: ResourceUse) => `${cores(u.requested)} of ${cores(u.allocatable)} cores`;
const MEMORY_TEXT = (u: ResourceUse) => `${formatBytes(u.requested)} of ${formatBytes(u.allocatable)}`;

function Usage({
  id,
  label,
  use,
  text: describe,
}: {
  id: string;
  label: string;
  use: ResourceUse;
  text: (u: ResourceUse) => string;
}) {
  const text = describe(use);
  if (use.percent === undefined) return <span id={id}>{text}</span>;
  const variant = use.percent > 100 ? ProgressVariant.danger : use.percent > 85 ? ProgressVariant.warning : undefined;
  return (
    <Progress
      id={id}
      value={Math.min(100, use.percent)}
      label={text}
      valueText={`${text} requested (${Math.round(use.percent)}%)`}
      aria-label={label}
      measureLocation={ProgressMeasureLocation.outside}
      variant={variant}
      size="sm"
      className="kv-node-usage"
    />
  );
}

function VmLinks({ vms }: { vms: NodeAllocation['vms'] }) {
  if (vms.length === 0) return <>None</>;
  return (
    <List isPlain>
      {vms.map((v) => (
        <ListItem key={`${v.namespace}/${v.name}`}>
          <Link to={namespacedPath('virtualmachines', v.namespace, v.name)}>
            {v.namespace}/{v.name}
          </Link>
        </ListItem>
      ))}
    </List>
  );
}

function columns(byName: Map<string, NodeAllocation>): ResourceColumn<IoK8sApiCoreV1Node>[] {
  const get = (n: IoK8sApiCoreV1Node) => byName.get(nameOf(n));
  return [
    { id: 'name', title: 'Name', cell: (n) => n.metadata?.name },
    {
      id: 'vms-capable',
      title: 'Runs VMs',
      cell: (n) => {
        const cap = get(n)?.vmCapable;
        if (!cap) return '-';
        return cap.canRunVms ? (
          <Label color="green" isCompact>
            Schedulable
          </Label>
        ) : (
          <>
            <Label color="orange" isCompact>
              Not schedulable
            </Label>{' '}
            <small>{cap.reason}</small>
          </>
        );
      },
    },
    {
      id: 'cpu',
      title: 'CPU requested',
      cell: (n) => {
        const a = get(n);
        return a ? <Usage id={`node-${a.name}-cpu-usage`} label={`${a.name} CPU`} use={a.cpu} text={CPU_TEXT} /> : '-';
      },
    },
    {
      id: 'memory',
      title: 'Memory requested',
      cell: (n) => {
        const a = get(n);
        return a ? (
          <Usage id={`node-${a.name}-memory-usage`} label={`${a.name} memory`} use={a.memory} text={MEMORY_TEXT} />
        ) : (
          '-'
        );
      },
    },
    {
      id: 'capacity',
      title: 'Capacity',
      cell: (n) => {
        const a = get(n);
        return a ? `${formatCores(a.cpu.capacity)} cores, ${formatBytes(a.memory.capacity)}` : '-';
      },
    },
    { id: 'vms', title: 'VMs', cell: (n) => <VmLinks vms={get(n)?.vms ?? []} /> },
  ];
}

/** Nodes: whether each can run VMs, what the pods on it request (virt-launcher pods carry the VMs), its VMs. */
export function NodesCard() {
  const nodes = useK8sList(NodeModel);
  const pods = useK8sList(PodModel);
  const vmis = useK8sList(VirtualMachineInstanceModel);
  const rows = useMemo(
    () => (nodes.data && pods.data && vmis.data ? clusterAllocation(nodes.data, pods.data, vmis.data) : undefined),
    [nodes.data, pods.data, vmis.data],
  );
  const byName = useMemo(() => new Map((rows ?? []).map((r) => [r.name, r])), [rows]);
  const ready = rows ? nodes.data : undefined;
  return (
    <Card id="nodes-card" aria-labelledby="nodes-card-title">
      <CardTitle component="h2" id="nodes-card-title">
        Nodes
      </CardTitle>
      <CardBody>
        <Content component="p" className="pf-v6-u-mb-md">
          Requests are the sum over the pods bound to each node; VMs request through their virt-launcher pods (guest
          memory plus KubeVirt&apos;s overhead).
        </Content>
        <DataState what="nodes" data={ready} error={nodes.error ?? pods.error ?? vmis.error}>
          {(list) =>
            list.length === 0 ? (
              <EmptyStateView title="No nodes">The cluster has no nodes to run VMs on.</EmptyStateView>
            ) : (
              <ResourceTable
                ariaLabel="Nodes"
                idPrefix="node"
                columns={columns(byName)}
                rows={[...list].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))}
              />
            )
          }
        </DataState>
      </CardBody>
    </Card>
  );
}
