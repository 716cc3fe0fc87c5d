import { Gallery, PageSection, Stack, StackItem, Title } from '@patternfly/react-core';
import { useMemo, type ReactNode } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { VmThumbnailGallerySlot } from '../../components/console-slots';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { EventModel, NodeModel, VirtualMachineInstanceModel, VirtualMachineModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { namespacedPath } from '../../lib/routes';
import { CountCard } from './count-card';
import { NodesCard } from './nodes-card';
import { countByStatus, nodeSummaries, recentWarnings } from './overview-model';
import { StatusCards } from './status-cards';
import { TopConsumersCard } from './top-consumers-card';
import { WarningsCard } from './warnings-card';

/** A section whose data may still be loading or may have failed. */
function Section<T>({
  title,
  data,
  error,
  children,
}: {
  title: string;
  data: T | undefined;
  error: Error | null;
  children: (d: T) => ReactNode;
}) {
  if (data === undefined && error) return <ErrorState title={`Cannot load ${title.toLowerCase()}`} error={error} />;
  if (data === undefined) return <LoadingState label={`Loading ${title.toLowerCase()}`} />;
  return <>{children(data)}</>;
}

/** Counts by status, nodes and their VMs, and recent warnings, all live. */
export function OverviewPage() {
  const namespace = useActiveNamespace();
  const vms = useK8sList(VirtualMachineModel, { namespace });
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace });
  const nodes = useK8sList(NodeModel);
  const events = useK8sList(EventModel, { namespace });
  const byStatus = useMemo(() => (vms.data ? countByStatus(vms.data) : undefined), [vms.data]);
  const nodeRows = useMemo(
    () => (nodes.data && vmis.data ? nodeSummaries(nodes.data, vmis.data) : undefined),
    [nodes.data, vmis.data],
  );
  const warnings = useMemo(() => (events.data ? recentWarnings(events.data, 10) : undefined), [events.data]);
  return (
    <>
      <PageHeading title="Overview" />
      <PageSection isFilled aria-label="Overview">
        <Stack hasGutter>
          <StackItem>
            <Gallery hasGutter minWidths={{ default: '240px' }}>
              <CountCard
                id="overview-vms"
                title="Virtual machines"
                count={vms.data?.length}
                error={vms.error}
                to={namespacedPath('virtualmachines', namespace)}
              />
              <CountCard
                id="overview-vmis"
                title="VirtualMachine instances"
                count={vmis.data?.length}
                error={vmis.error}
                to={namespacedPath('virtualmachineinstances', namespace)}
              />
              <CountCard id="overview-nodes" title="Nodes" count={nodes.data?.length} error={nodes.error} />
            </Gallery>
          </StackItem>
          <StackItem>
            <Title headingLevel="h2" className="pf-v6-u-mb-sm">
              Virtual machines by status
            </Title>
            <Section title="Virtual machines" data={byStatus} error={vms.error}>
              {(counts) =>
                counts.length ? <StatusCards counts={counts} namespace={namespace} /> : 'No virtual machines.'
              }
            </Section>
          </StackItem>
          <StackItem>
            <TopConsumersCard namespace={namespace} vmis={vmis.data} />
          </StackItem>
          <StackItem>
            <Title headingLevel="h2" className="pf-v6-u-mb-sm">
              Screens of running VMs
            </Title>
            <VmThumbnailGallerySlot namespace={namespace} />
          </StackItem>
          <StackItem>
            <Section title="Nodes" data={nodeRows} error={nodes.error ?? vmis.error}>
              {(rows) => <NodesCard nodes={rows} />}
            </Section>
          </StackItem>
          <StackItem>
            <Section title="Events" data={warnings} error={events.error}>
              {(list) => <WarningsCard events={list} />}
            </Section>
          </StackItem>
        </Stack>
      </PageSection>
    </>
  );
}
