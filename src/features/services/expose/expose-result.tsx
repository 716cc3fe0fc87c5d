import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  Title,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { namespacedPath } from '../../../lib/routes';
import { AccessHintsList } from '../components/access-hints-list';
import { EndpointStatus } from '../list/endpoint-status';
import { routeUrl } from '../model/route-builder';
import { portText, type ServiceRow } from '../model/service-rows';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type Route, type Service } from '../model/types';

export interface ExposeResultViewProps {
  /** What the create returned. */
  created: Service;
  /** The same Service, live (node ports and endpoints arrive after the create). */
  row: ServiceRow | undefined;
  route?: Route;
  warning?: string;
  vmPath: string;
  onAgain: () => void;
}

/** After a create: the Service as it comes up, and how to reach it. */
export function ExposeResultView({ created, row, route, warning, vmPath, onAgain }: ExposeResultViewProps) {
  const name = nameOf(created);
  const namespace = namespaceOf(created);
  const svc = row?.service ?? created;
  const liveRoute = row?.routes.find((r) => nameOf(r) === nameOf(route)) ?? route;
  const url = liveRoute && routeUrl(liveRoute);
  const id = `service-${namespace}-${name}`;
  return (
    <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }} id="expose-result">
      <Alert variant={warning ? 'warning' : 'success'} isInline title={`Service ${name} created`}>
        {warning}
      </Alert>
      <Title headingLevel="h2">How to reach it</Title>
      <DescriptionList isHorizontal isCompact aria-label="Service">
        <DescriptionListGroup>
          <DescriptionListTerm>Type</DescriptionListTerm>
          <DescriptionListDescription id={`${id}-type`}>{svc.spec?.type ?? 'ClusterIP'}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Ports</DescriptionListTerm>
          <DescriptionListDescription id={`${id}-ports`}>
            {(svc.spec?.ports ?? [])
              .map((p) => portText(p) + (p.nodePort ? `, node port ${p.nodePort}` : ''))
              .join('; ')}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Endpoints</DescriptionListTerm>
          <DescriptionListDescription id={`${id}-endpoints`}>
            {row ? <EndpointStatus readiness={row.readiness} /> : 'Waiting for the service'}
          </DescriptionListDescription>
        </DescriptionListGroup>
        {liveRoute && (
          <DescriptionListGroup>
            <DescriptionListTerm>Route</DescriptionListTerm>
            <DescriptionListDescription id={`${id}-route`}>
              {url ? (
                <Button variant="link" isInline component="a" href={url} target="_blank" rel="noopener noreferrer">
                  {url}
                </Button>
              ) : (
                'Waiting for the router to assign a host'
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
        )}
      </DescriptionList>
      {row && <AccessHintsList hints={row.hints} idPrefix={id} />}
      <Flex>
        <Button
          variant="primary"
          component={(props: object) => <Link {...props} to={namespacedPath('services', namespace)} />}
        >
          View services
        </Button>
        <Button variant="secondary" onClick={onAgain}>
          Expose another port
        </Button>
        <Button variant="link" component={(props: object) => <Link {...props} to={vmPath} />}>
          Back to the virtual machine
        </Button>
      </Flex>
    </Flex>
  );
}
