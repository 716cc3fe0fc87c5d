import { Card, CardBody, CardTitle, Grid, GridItem } from '@patternfly/react-core';
import { Link } from 'react-router';
import { ConditionsTable } from '../../../components/conditions-table';
import {
  DetailItem,
  DetailsCard,
  IdentityItems,
  LabelPairs,
  PlacementItems,
} from '../../../components/details/detail-item';
import { createdOf, labelPairs, nameOf, namespaceOf } from '../../../k8s/meta';
import {
  vmiAgentConnected,
  vmiConditions,
  vmiGuestOsName,
  vmiMigrationState,
  vmiOwnerVmName,
  type VMI,
} from '../../../kubevirt/vmi-selectors';
import { namespacedPath } from '../../../lib/routes';
import { VmiStatus } from '../vmi-status';

const none = <span className="pf-v6-u-text-color-subtle">-</span>;

/** The last migration, in words: "Completed: node01 → node02" (nothing when it never migrated). */
function migrationText(vmi: VMI): string | undefined {
  const m = vmiMigrationState(vmi);
  if (!m?.startTimestamp) return undefined;
  const route = m.sourceNode && m.targetNode ? `: ${m.sourceNode} → ${m.targetNode}` : '';
  if (m.failed) return `Failed${route}`;
  if (m.completed) return `Completed${route}`;
  return `In progress${route}`;
}

/** CPU and memory as the spec asks them. */
function sizing(vmi: VMI): { cpu?: string; memory?: string } {
  const domain = vmi.spec?.domain;
  const cpu = domain?.cpu;
  const vcpus = (cpu?.sockets || 1) * (cpu?.cores || 1) * (cpu?.threads || 1);
  const requests = domain?.resources?.requests as Record<string, string> | undefined;
  return { cpu: `${vcpus} vCPU`, memory: domain?.memory?.guest ?? requests?.memory };
}

/** Status, placement, guest and ownership at a glance, and the VMI's conditions. */
export function VmiOverviewTab({ vmi }: { vmi: VMI }) {
  const namespace = namespaceOf(vmi);
  const name = nameOf(vmi);
  const id = (field: string) => `vmi-${namespace}-${name}-${field}`;
  const owner = vmiOwnerVmName(vmi);
  const labels = labelPairs(vmi);
  const guestOs = vmiGuestOsName(vmi);
  const migration = migrationText(vmi);
  const { cpu, memory } = sizing(vmi);
  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <DetailsCard ariaLabel="VirtualMachine instance details">
          <IdentityItems
            id={id}
            name={name}
            namespace={namespace}
            statusTerm="Phase"
            status={<VmiStatus vmi={vmi} />}
            created={createdOf(vmi)}
          />
          <DetailItem term="VirtualMachine" id={id('owner')}>
            {owner ? (
              <Link to={namespacedPath('virtualmachines', namespace, owner)}>{owner}</Link>
            ) : (
              <span className="pf-v6-u-text-color-subtle">None: this instance was created on its own</span>
            )}
          </DetailItem>
          <PlacementItems id={id} vmi={vmi} none={none} />
          <DetailItem term="Guest operating system" id={id('guest-os')}>
            {guestOs ?? (
              <span className="pf-v6-u-text-color-subtle">
                {vmiAgentConnected(vmi) ? 'Not reported' : 'Not reported: the guest agent is not connected'}
              </span>
            )}
          </DetailItem>
          <DetailItem term="CPU" id={id('cpu')}>
            {cpu ?? none}
          </DetailItem>
          <DetailItem term="Memory" id={id('memory')}>
            {memory ?? none}
          </DetailItem>
          {migration && (
            <DetailItem term="Last migration" id={id('migration')}>
              {migration}
            </DetailItem>
          )}
          <DetailItem term="Labels" id={id('labels')}>
            <LabelPairs labels={labels} none={none} />
          </DetailItem>
        </DetailsCard>
      </GridItem>
      <GridItem span={12}>
        <Card>
          <CardTitle component="h2">Conditions</CardTitle>
          <CardBody>
            <ConditionsTable
              id={id('conditions')}
              label={`Conditions of ${name}`}
              conditions={vmiConditions(vmi).map((c) => ({ ...c, status: c.status ?? 'Unknown' }))}
            />
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  );
}
