import { Card, CardBody, CardTitle, Grid, GridItem } from '@patternfly/react-core';
import { VmCommandLineCard } from '../../../components/command-line/vm-command-line-tools';
import {
  DetailItem,
  DetailsCard,
  IdentityItems,
  LabelPairs,
  PlacementItems,
} from '../../../components/details/detail-item';
import { annotationsOf, createdOf, labelPairs, nameOf, namespaceOf } from '../../../k8s/meta';
import { vmCpu, vmInstancetype, vmMemory, vmOs, vmPreference, type VM } from '../../../kubevirt/vm-selectors';
import { vmRunStrategy } from '../../../kubevirt/run-strategy';
import { VmStatus } from '../status/vm-status';
import { ConsoleThumbnail } from './console-tab';
import { GuestDetailsCard } from './guest-details-card';
import { LifecycleTimeline } from './lifecycle-timeline';
import { useVmi } from './use-vm-related';
import { UtilizationCard } from './utilization-card';

const none = <span className="kv-none">-</span>;

/** Status, resources, placement and metadata at a glance, with the lifecycle timeline. */
export function OverviewTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const vmi = useVmi(namespace, name);
  const cpu = vmCpu(vm);
  const memory = vmMemory(vm);
  const instancetype = vmInstancetype(vm);
  const preference = vmPreference(vm);
  const labels = labelPairs(vm);
  const description = annotationsOf(vm).description;
  const id = (field: string) => `vm-${namespace}-${name}-${field}`;

  return (
    <Grid hasGutter>
      <GridItem lg={8}>
        <DetailsCard ariaLabel="VirtualMachine details" isFullHeight>
          <IdentityItems
            id={id}
            name={name}
            namespace={namespace}
            statusTerm="Status"
            status={<VmStatus vm={vm} vmi={vmi} />}
            created={createdOf(vm)}
          />
          <DetailItem term="Run strategy" id={id('run-strategy')}>
            {vmRunStrategy(vm)}
          </DetailItem>
          <DetailItem term="Operating system" id={id('os')}>
            {vmOs(vm, vmi) ?? none}
          </DetailItem>
          <DetailItem term="CPU" id={id('cpu')}>
            {cpu
              ? `${cpu.vcpus} vCPU (${cpu.sockets} socket${cpu.sockets > 1 ? 's' : ''}, ${cpu.cores} core${cpu.cores > 1 ? 's' : ''}, ${cpu.threads} thread${cpu.threads > 1 ? 's' : ''})`
              : instancetype
                ? `From instance type ${instancetype.name}`
                : none}
          </DetailItem>
          <DetailItem term="Memory" id={id('memory')}>
            {memory ?? (instancetype ? `From instance type ${instancetype.name}` : none)}
          </DetailItem>
          {preference && (
            <DetailItem term="Preference" id={id('preference')}>
              {preference.name}
            </DetailItem>
          )}
          <PlacementItems id={id} vmi={vmi} none={none} />
          <DetailItem term="Description" id={id('description')}>
            {description || none}
          </DetailItem>
          <DetailItem term="Labels" id={id('labels')}>
            <LabelPairs labels={labels} none={none} />
          </DetailItem>
        </DetailsCard>
      </GridItem>
      <GridItem lg={4}>
        <ConsoleThumbnail vm={vm} />
      </GridItem>
      <GridItem span={12}>
        <UtilizationCard namespace={namespace} name={name} />
      </GridItem>
      <GridItem span={12}>
        <GuestDetailsCard namespace={namespace} name={name} vmi={vmi} />
      </GridItem>
      <GridItem span={12}>
        <Card>
          <CardTitle component="h2">Lifecycle</CardTitle>
          <CardBody>
            <LifecycleTimeline vm={vm} vmi={vmi} />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <VmCommandLineCard vm={vm} />
      </GridItem>
    </Grid>
  );
}
