/** The Services page's rows: each Service that selects a VM, joined with what it reaches. Pure. */
import { accessHints, guestUser, pickNodeAddress, type AccessHint } from './access-hints';
import { readinessFromEndpoints, readinessFromSlices, slicesOfService, type EndpointReadiness } from './endpoints';
import { routesOfService } from './route-builder';
import { targetsByService, type SelectedTarget } from './selector-match';
import { objectKeyOf } from '../../../k8s/meta';
import { type EndpointSlice, type Endpoints, type Node, type Route, type Service, type VM, type VMI } from './types';

export interface ServiceRow {
  key: string;
  service: Service;
  targets: SelectedTarget[];
  readiness: EndpointReadiness;
  routes: Route[];
  /** LoadBalancer ingress IPs or hostnames, and spec.externalIPs. */
  externalAddresses: string[];
  hints: AccessHint[];
}

export interface RowInput {
  services: readonly Service[];
  vms: readonly VM[];
  vmis: readonly VMI[];
  routes: readonly Route[];
  /** EndpointSlices, or undefined to read v1 Endpoints instead. */
  slices: readonly EndpointSlice[] | undefined;
  endpoints: readonly Endpoints[];
  nodes: readonly Node[];
}

export function externalAddresses(svc: Service): string[] {
  const ingress = (svc.status?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip ?? i.hostname)
    .filter((a): a is string => Boolean(a));
  return [...ingress, ...(svc.spec?.externalIPs ?? [])];
}

/** Rows for the Services that select at least one VM (or standalone VMI), sorted by namespace and name. */
export function serviceRows(input: RowInput): ServiceRow[] {
  const targets = targetsByService([...input.services], [...input.vms], [...input.vmis]);
  const vmByKey = new Map(input.vms.map((v) => [objectKeyOf(v), v]));
  const vmiByKey = new Map(input.vmis.map((v) => [objectKeyOf(v), v]));
  const endpointsByKey = new Map(input.endpoints.map((e) => [objectKeyOf(e), e]));
  const rows: ServiceRow[] = [];
  for (const service of input.services) {
    const key = objectKeyOf(service);
    const selected = targets.get(key) ?? [];
    if (!selected.length) continue;
    const readiness = input.slices
      ? readinessFromSlices(slicesOfService(input.slices, service))
      : readinessFromEndpoints(endpointsByKey.get(key));
    const first = selected[0];
    const firstKey = `${first.namespace}/${first.name}`;
    const vmiNode = vmiByKey.get(firstKey)?.status?.nodeName;
    const routes = routesOfService(input.routes, service);
    const hints = accessHints({
      service,
      user: guestUser(vmByKey.get(firstKey)),
      nodeAddress: pickNodeAddress(input.nodes, [...readiness.nodes, ...(vmiNode ? [vmiNode] : [])]),
      routes,
    });
    rows.push({
      key,
      service,
      targets: selected,
      readiness,
      routes,
      externalAddresses: externalAddresses(service),
      hints,
    });
  }
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** "22/TCP → 22", "80:30080/TCP" style cells. */
export const portText = (p: { port: number; targetPort?: number | string; protocol?: string; name?: string }): string =>
  `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol ?? 'TCP'}${p.targetPort !== undefined && String(p.targetPort) !== String(p.port) ? ` → ${p.targetPort}` : ''}`;
