import { Content, Grid, GridItem, PageSection, Stack, StackItem } from '@patternfly/react-core';
import { PageHeading } from '../../components/page-heading';
import { CdiCard } from './sections/cdi-card';
import { CommandLineCard } from './sections/command-line-card';
import { FeatureGatesCard } from './sections/feature-gates-card';
import { KubeVirtCard } from './sections/kubevirt-card';
import { NodesCard } from './sections/nodes-card';
import { StorageClassesCard } from './sections/storage-classes-card';
import './cluster.css';

/** KubeVirt and CDI status and configuration, nodes, storage classes and command-line tools. */
export function ClusterPage() {
  return (
    <>
      <PageHeading title="Cluster">
        <Content component="p">
          KubeVirt and CDI status and configuration, nodes, storage and command-line tools.
        </Content>
      </PageHeading>
      <PageSection isFilled aria-label="Cluster">
        <Grid hasGutter>
          <GridItem xl2={6}>
            <KubeVirtCard />
          </GridItem>
          <GridItem xl2={6}>
            <Stack hasGutter>
              <StackItem>
                <CdiCard />
              </StackItem>
              <StackItem>
                <FeatureGatesCard />
              </StackItem>
            </Stack>
          </GridItem>
          <GridItem span={12}>
            <NodesCard />
          </GridItem>
          <GridItem span={12}>
            <StorageClassesCard />
          </GridItem>
          <GridItem span={12}>
            <CommandLineCard />
          </GridItem>
        </Grid>
      </PageSection>
    </>
  );
}
