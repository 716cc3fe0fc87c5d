/** The OpenShift Route in front of an exposed Service, and the URL a Route serves. Pure. */
import type { ExposeForm } from './expose-form';
import type { Route, Service } from './types';
import { nameOf } from '../../../k8s/meta';

/**
 * A Route to the Service's first port, named like the Service. `edge` terminates TLS at the router
 * and redirects plain http to https; `none` serves plain http. When the Service has a uid (it was
 * created) the Route is owned by it, so deleting the Service deletes its Route.
 */
export function buildRoute(form: Pick<ExposeForm, 'routeTermination'>, service: Service): Route {
  const name = nameOf(service);
  const port = service.spec?.ports?.[0];
  if (!name || !port) throw new Error('A Route needs a Service with a name and a port');
  const uid = service.metadata?.uid;
  return {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: {
      name,
      namespace: service.metadata?.namespace,
      labels: { ...(service.metadata?.labels ?? {}) },
      ...(uid ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid }] } : {}),
    },
    spec: {
      to: { kind: 'Service', name, weight: 100 },
      // Resolved against the endpoints' ports: the port's name, else the pod's port number.
      port: { targetPort: port.name ?? port.targetPort ?? port.port },
      ...(form.routeTermination === 'edge'
        ? { tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' } }
        : {}),
      wildcardPolicy: 'None',
    },
  };
}

/** The host the router admitted, else the requested one; undefined while neither is set. */
export const routeHost = (route: Route): string | undefined =>
  route.status?.ingress?.[0]?.host || route.spec?.host || undefined;

/** "https://host/path" (http without TLS); undefined until the Route has a host. */
export function routeUrl(route: Route): string | undefined {
  const host = routeHost(route);
  if (!host) return undefined;
  const scheme = route.spec?.tls ? 'https' : 'http';
  return `${scheme}://${host}${route.spec?.path ?? ''}`;
}

/** Whether the default router has admitted the Route. */
export const routeAdmitted = (route: Route): boolean =>
  (route.status?.ingress ?? []).some((i) =>
    (i.conditions ?? []).some((c) => c.type === 'Admitted' && c.status === 'True'),
  );

/** The Routes that send traffic to this Service. */
export const routesOfService = (routes: readonly Route[], service: Service): Route[] =>
  routes.filter(
    (r) =>
      r.metadata?.namespace === service.metadata?.namespace &&
      r.spec?.to?.kind === 'Service' &&
      r.spec.to.name === service.metadata?.name,
  );
