import { useMemo } from 'react';
import { NodeModel, VirtualMachineInstanceModel, VirtualMachineModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { EndpointSliceModel, EndpointsModel, RouteModel, ServiceModel } from '../model/models';
import type { EndpointSlice, Endpoints, Node, Route, Service, VM, VMI } from '../model/types';
import { DISCOVERY_GROUP, ROUTE_GROUP, useServedGroups } from './use-served-groups';

export interface ExposureData {
  services: Service[] | undefined;
  vms: VM[] | undefined;
  vmis: VMI[] | undefined;
  /** Empty where the cluster serves no Routes. */
  routes: Route[];
  routesServed: boolean;
  slices: EndpointSlice[];
  endpoints: Endpoints[];
  /** Node addresses for ssh hints; empty when the user may not list nodes. */
  nodes: Node[];
  /** What keeps the page from showing (Services, VMs or VMIs failing); the rest degrade. */
  error: Error | null;
  isLoading: boolean;
}

/**
 * Everything the Services page and the Expose page read, live: Services, VMs and VMIs of the
 * namespace (all when undefined), Routes and EndpointSlices where served (else v1 Endpoints), Nodes.
 */
export function useExposureData(namespace: string | undefined): ExposureData {
  const { groups } = useServedGroups();
  const routesServed = Boolean(groups?.has(ROUTE_GROUP));
  const slicesServed = groups ? groups.has(DISCOVERY_GROUP) : undefined;
  const services = useK8sList(ServiceModel, { namespace });
  const vms = useK8sList(VirtualMachineModel, { namespace });
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace });
  const routes = useK8sList(RouteModel, { namespace, enabled: routesServed });
  const slices = useK8sList(EndpointSliceModel, { namespace, enabled: slicesServed === true });
  const endpoints = useK8sList(EndpointsModel, { namespace, enabled: slicesServed === false });
  const nodes = useK8sList(NodeModel);
  const error = services.error ?? vms.error ?? vmis.error;
  return useMemo(
    () => ({
      services: services.data,
      vms: vms.data,
      vmis: vmis.data,
      routes: routes.data ?? [],
      routesServed,
      slices: slices.data ?? [],
      endpoints: endpoints.data ?? [],
      nodes: nodes.data ?? [],
      error,
      isLoading: services.isLoading || vms.isLoading || vmis.isLoading,
    }),
    [
      services.data,
      vms.data,
      vmis.data,
      routes.data,
      routesServed,
      slices.data,
      endpoints.data,
      nodes.data,
      error,
      services.isLoading,
      vms.isLoading,
      vmis.isLoading,
    ],
  );
}
