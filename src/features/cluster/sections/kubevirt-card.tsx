import {
  Card,
  CardBody,
  CardTitle,
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { EmptyStateView } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { useKubeVirt } from '../../../components/kubevirt/use-kubevirt';
import { LoadingState } from '../../../components/loading-state';
import { operatorHealth, orderedConditions } from '../model/kubevirt-status';
import { ConditionsTable } from '../../../components/conditions-table';
import { EmulationSwitch } from './emulation-switch';
import { HealthLabel } from './health-label';

function Term({ label, children, id }: { label: string; children: React.ReactNode; id: string }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{label}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function Body() {
  const { kubevirt, error, isLoading } = useKubeVirt();
  if (isLoading) return <LoadingState label="Loading KubeVirt" />;
  if (error) return <ErrorState title="Cannot load KubeVirt" error={error} />;
  if (!kubevirt) {
    return (
      <EmptyStateView title="KubeVirt is not installed">
        No KubeVirt custom resource was found in any namespace.
      </EmptyStateView>
    );
  }
  const s = kubevirt.status;
  const target = s?.targetKubeVirtVersion;
  return (
    <Stack hasGutter>
      <StackItem>
        <DescriptionList isHorizontal isCompact horizontalTermWidthModifier={{ default: '14ch' }}>
          <Term label="Phase" id="kubevirt-phase">
            <HealthLabel id="kubevirt-phase-label" phase={s?.phase} health={operatorHealth(kubevirt)} />
          </Term>
          <Term label="Version" id="kubevirt-version">
            {s?.observedKubeVirtVersion ?? '-'}
            {target && target !== s?.observedKubeVirtVersion ? ` (updating to ${target})` : ''}
          </Term>
          <Term label="Resource" id="kubevirt-resource">
            {kubevirt.metadata?.namespace}/{kubevirt.metadata?.name}
          </Term>
          <Term label="Deployment ID" id="kubevirt-deployment-id">
            {/* In full (it wraps), with a copy button: a truncated ID cannot be read or compared. */}
            {s?.observedDeploymentID ? (
              <ClipboardCopy
                variant="inline-compact"
                isCode
                className="kv-deployment-id"
                hoverTip="Copy"
                clickTip="Copied"
                copyAriaLabel="Copy deployment ID"
              >
                {s.observedDeploymentID}
              </ClipboardCopy>
            ) : (
              '-'
            )}
          </Term>
        </DescriptionList>
      </StackItem>
      <StackItem>
        <EmulationSwitch kubevirt={kubevirt} />
      </StackItem>
      <StackItem>
        <Title headingLevel="h3" size="md" className="pf-v6-u-mb-sm">
          Conditions
        </Title>
        <ConditionsTable
          id="kubevirt-conditions"
          label="KubeVirt conditions"
          conditions={orderedConditions(kubevirt)}
        />
      </StackItem>
    </Stack>
  );
}

/** The KubeVirt CR: phase, versions, the software emulation switch and conditions. */
export function KubeVirtCard() {
  return (
    <Card id="kubevirt-card" aria-labelledby="kubevirt-card-title" isFullHeight>
      <CardTitle component="h2" id="kubevirt-card-title">
        KubeVirt
      </CardTitle>
      <CardBody>
        <Body />
      </CardBody>
    </Card>
  );
}
