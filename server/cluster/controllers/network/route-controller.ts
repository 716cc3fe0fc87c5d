/** OpenShift Routes: a default host `<name>-<namespace>.apps.<domain>` and an admitted ingress. */
import { ResourceKey, keyOf, splitKey } from '../../runtime/client.js';
import { nowIso, type ControllerContext } from '../context.js';
import { routeHost } from '../../kubevirt/ipam.js';

export class RouteController {
  constructor(private readonly ctx: ControllerContext) {}

  watch(): void {
    this.ctx.informers.routes.on({ onChange: (o) => this.ctx.queues.route.add(keyOf(o)) });
  }

  reconcile(key: string): void {
    const { client, clusterDomain } = this.ctx;
    const [ns, name] = splitKey(key);
    const route = client.tryGet(ResourceKey.routes, ns, name);
    if (!route || route.metadata.deletionTimestamp) return;
    const spec = (route.spec ?? {}) as { host?: string };
    if (!spec.host) {
      client.mutate(ResourceKey.routes, ns, name, (o) => {
        (o.spec as { host?: string }).host = routeHost(name, ns ?? '', clusterDomain);
      });
      return;
    }
    const ingress = route.status?.ingress ?? [];
    if (ingress[0]?.host === spec.host) return;
    const now = nowIso(this.ctx);
    client.mutate(
      ResourceKey.routes,
      ns,
      name,
      (o) => {
        o.status = {
          ingress: [
            {
              host: spec.host,
              routerName: 'default',
              routerCanonicalHostname: `router-default.apps.${clusterDomain}`,
              wildcardPolicy: 'None',
              conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: now }],
            },
          ],
        };
      },
      { subresource: 'status' },
    );
  }
}
