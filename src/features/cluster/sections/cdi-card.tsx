import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { EmptyStateView } from '../../../components/empty-state';
import { CDIModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { operatorHealth, orderedConditions } from '../model/kubevirt-status';
import { ConditionsTable } from '../../../components/conditions-table';
import { DataState } from './data-state';
import { HealthLabel } from './health-label';

/** CDI (the Containerized Data Importer behind DataVolumes): its operator CR's phase and conditions. */
export function CdiCard() {
  const { data, error } = useK8sList(CDIModel);
  return (
    <Card id="cdi-card" aria-labelledby="cdi-card-title">
      <CardTitle component="h2" id="cdi-card-title">
        Containerized Data Importer (CDI)
      </CardTitle>
      <CardBody>
        <DataState what="CDI" data={data} error={error}>
          {(list) => {
            const cdi = list.find((c) => c.status?.phase === 'Deployed') ?? list[0];
            if (!cdi)
              return (
                <EmptyStateView title="CDI is not installed">
                  DataVolumes cannot import disk images without CDI.
                </EmptyStateView>
              );
            const s = cdi.status;
            return (
              <Stack hasGutter>
                <StackItem>
                  <DescriptionList isHorizontal isCompact horizontalTermWidthModifier={{ default: '14ch' }}>
                    <DescriptionListGroup>
                      <DescriptionListTerm>Phase</DescriptionListTerm>
                      <DescriptionListDescription id="cdi-phase">
                        <HealthLabel id="cdi-phase-label" phase={s?.phase} health={operatorHealth(cdi)} />
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>Version</DescriptionListTerm>
                      <DescriptionListDescription id="cdi-version">
                        {s?.observedVersion ?? '-'}
                        {s?.targetVersion && s.targetVersion !== s.observedVersion
                          ? ` (updating to ${s.targetVersion})`
                          : ''}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  </DescriptionList>
                </StackItem>
                <StackItem>
                  <ConditionsTable id="cdi-conditions" label="CDI conditions" conditions={orderedConditions(cdi)} />
                </StackItem>
              </Stack>
            );
          }}
        </DataState>
      </CardBody>
    </Card>
  );
}
