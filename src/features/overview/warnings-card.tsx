import {
  Card,
  CardBody,
  CardTitle,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Icon,
} from '@patternfly/react-core';
import type { IoK8sApiCoreV1Event } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { Timestamp } from '../../components/timestamp';
import { eventTime } from './overview-model';

/** The newest Warning events, live. */
export function WarningsCard({ events }: { events: IoK8sApiCoreV1Event[] }) {
  return (
    <Card id="overview-warnings" aria-labelledby="overview-warnings-title">
      <CardTitle component="h2" id="overview-warnings-title">
        Recent warning events
      </CardTitle>
      <CardBody>
        {events.length === 0 ? (
          'No warning events.'
        ) : (
          <DataList aria-label="Recent warning events" isCompact>
            {events.map((e) => {
              const o = e.involvedObject;
              return (
                <DataListItem key={e.metadata?.uid ?? e.metadata?.name}>
                  <DataListItemRow>
                    <DataListItemCells
                      dataListCells={[
                        <DataListCell key="reason" width={1}>
                          <Icon status="warning" isInline>
                            <ExclamationTriangleIcon aria-hidden="true" />
                          </Icon>{' '}
                          <strong>{e.reason}</strong>
                          <div className="pf-v6-u-text-color-subtle pf-v6-u-font-size-sm">
                            <Timestamp value={eventTime(e)} />
                          </div>
                        </DataListCell>,
                        <DataListCell key="object" width={1}>
                          {o.kind} {o.namespace ? `${o.namespace}/` : ''}
                          {o.name}
                        </DataListCell>,
                        <DataListCell key="message" width={3}>
                          {e.message}
                        </DataListCell>,
                      ]}
                    />
                  </DataListItemRow>
                </DataListItem>
              );
            })}
          </DataList>
        )}
      </CardBody>
    </Card>
  );
}
