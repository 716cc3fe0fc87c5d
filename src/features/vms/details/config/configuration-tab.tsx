import { Grid, GridItem, Stack, StackItem } from '@patternfly/react-core';
import { accessDeniedReason } from '../../../../components/disabled-reason';
import { useAccessReview } from '../../../../k8s/access-review';
import { nameOf, namespaceOf } from '../../../../k8s/meta';
import { vmInstancetype, type VM } from '../../../../kubevirt/vm-selectors';
import { useVmi } from '../use-vm-related';
import { BootOrderSection } from './boot-order-section';
import { CloudInitSection } from './cloud-init-section';
import { CpuMemorySection } from './cpu-memory-section';
import { DisksSection } from './disks-section';
import { InstancetypeSection } from './instancetype-section';
import { MetadataSection } from './metadata-section';
import { NicsSection } from './nics-section';
import { RestartRequiredAlert } from './restart-required';
import { RunStrategySection } from './run-strategy-section';
import { SchedulingSection } from './scheduling-section';
import { SshKeysSection } from './ssh-keys-section';

/**
 * The VM's configuration, one section per part, each edited in a dialog that patches the VM from
 * the version it opened with. A user who may not patch the VM sees it all read-only, with why.
 */
export function ConfigurationTab({ vm }: { vm: VM }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  const vmi = useVmi(namespace, name);
  const access = useAccessReview({ group: 'kubevirt.io', resource: 'virtualmachines', verb: 'patch', namespace, name });
  const readOnly = accessDeniedReason(access, 'change this virtual machine');
  return (
    <Stack hasGutter id={`vm-${namespace}-${name}-configuration`}>
      <StackItem>
        <RestartRequiredAlert vm={vm} vmi={vmi} />
      </StackItem>
      <StackItem>
        <Grid hasGutter>
          <GridItem md={6}>
            {vmInstancetype(vm) ? (
              <InstancetypeSection vm={vm} vmi={vmi} readOnly={readOnly} />
            ) : (
              <CpuMemorySection vm={vm} vmi={vmi} readOnly={readOnly} />
            )}
          </GridItem>
          {/* Cards of a row are as tall as the taller: sections of like heights share a row (the
              three-line Scheduling beside CPU and memory, the one-line Run strategy beside Boot order). */}
          <GridItem md={6}>
            <SchedulingSection vm={vm} readOnly={readOnly} />
          </GridItem>
          <GridItem md={6}>
            <RunStrategySection vm={vm} readOnly={readOnly} />
          </GridItem>
          <GridItem md={6}>
            <BootOrderSection vm={vm} readOnly={readOnly} />
          </GridItem>
          <GridItem span={12}>
            <DisksSection vm={vm} vmi={vmi} readOnly={readOnly} />
          </GridItem>
          <GridItem span={12}>
            <NicsSection vm={vm} readOnly={readOnly} />
          </GridItem>
          <GridItem md={6}>
            <SshKeysSection vm={vm} readOnly={readOnly} />
          </GridItem>
          <GridItem md={6}>
            <MetadataSection vm={vm} readOnly={readOnly} />
          </GridItem>
          <GridItem span={12}>
            <CloudInitSection vm={vm} readOnly={readOnly} />
          </GridItem>
        </Grid>
      </StackItem>
    </Stack>
  );
}
