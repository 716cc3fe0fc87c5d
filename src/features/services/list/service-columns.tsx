import { Button, Content } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { namespacedPath } from '../../../lib/routes';
import { routeUrl } from '../model/route-builder';
import { portText, type ServiceRow } from '../model/service-rows';
import { EndpointStatus } from './endpoint-status';
import { nameOf } from '../../../k8s/meta';

export interface ServiceColumn {
  id: string;
  title: string;
  cell: (row: ServiceRow) => ReactNode;
  /** How the cell's text wraps (default: as the table decides). */
  modifier?: 'nowrap' | 'breakWord';
}

const dash = '-';

const lines = (items: ReactNode[]): ReactNode =>
  items.length === 0 ? (
    dash
  ) : items.length === 1 ? (
    items[0]
  ) : (
    <Content component="ul" isPlainList>
      {items.map((item, i) => (
        <Content component="li" key={i}>
          {item}
        </Content>
      ))}
    </Content>
  );

function targetLinks(row: ServiceRow): ReactNode {
  return lines(
    row.targets.map((t) =>
      t.kind === 'VirtualMachine' ? (
        <Link to={namespacedPath('virtualmachines', t.namespace, t.name)}>{t.name}</Link>
      ) : (
        `${t.name} (instance)`
      ),
    ),
  );
}

/** The Services page's columns (the name, expand toggle and actions are added by the table). */
export function serviceColumns(routesServed: boolean, showNamespace: boolean): ServiceColumn[] {
  const cols: ServiceColumn[] = [
    ...(showNamespace
      ? [
          {
            id: 'namespace',
            title: 'Namespace',
            modifier: 'breakWord' as const,
            cell: (r: ServiceRow) => r.service.metadata?.namespace ?? dash,
          },
        ]
      : []),
    { id: 'type', title: 'Type', cell: (r) => r.service.spec?.type ?? 'ClusterIP' },
    { id: 'cluster-ip', title: 'Cluster IP', cell: (r) => r.service.spec?.clusterIP ?? dash },
    {
      id: 'ports',
      title: 'Ports',
      modifier: 'nowrap',
      cell: (r) => lines((r.service.spec?.ports ?? []).map(portText)),
    },
    {
      id: 'node-ports',
      title: 'Node ports',
      cell: (r) => lines((r.service.spec?.ports ?? []).filter((p) => p.nodePort).map((p) => String(p.nodePort))),
    },
    { id: 'external-ip', title: 'External IP', cell: (r) => lines(r.externalAddresses) },
    { id: 'vms', title: 'Virtual machines', modifier: 'nowrap', cell: targetLinks },
    {
      id: 'endpoints',
      title: 'Endpoints',
      modifier: 'nowrap',
      cell: (r) => <EndpointStatus readiness={r.readiness} />,
    },
  ];
  if (routesServed) {
    cols.push({
      id: 'routes',
      title: 'Route',
      cell: (r) =>
        lines(
          r.routes.map((route) => {
            const url = routeUrl(route);
            return url ? (
              <Button variant="link" isInline component="a" href={url} target="_blank" rel="noopener noreferrer">
                {url}
              </Button>
            ) : (
              `${nameOf(route)} (no host yet)`
            );
          }),
        ),
    });
  }
  return cols;
}
