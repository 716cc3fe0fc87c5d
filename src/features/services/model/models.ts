/** Models of the kinds this feature needs that src/k8s/models.ts does not (yet) define. */
import {
  RouteModel as UntypedRouteModel,
  ServiceModel as UntypedServiceModel,
  type K8sModel,
} from '../../../k8s/models';
import type { EndpointSlice, Endpoints, Route, Service } from './types';

export const EndpointSliceModel: K8sModel<EndpointSlice> = {
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  label: 'EndpointSlice',
  labelPlural: 'EndpointSlices',
};

export const EndpointsModel: K8sModel<Endpoints> = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  namespaced: true,
  label: 'Endpoints',
  labelPlural: 'Endpoints',
};

/** The shared Route model with this feature's fuller Route type. */
export const RouteModel = UntypedRouteModel as K8sModel<Route>;

/** The shared Service model with int-or-string target ports. */
export const ServiceModel = UntypedServiceModel as unknown as K8sModel<Service>;
