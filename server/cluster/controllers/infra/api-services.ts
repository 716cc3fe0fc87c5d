/**
 * The APIService objects a real cluster lists (`kubectl get apiservices`): kube-aggregator's
 * autoregister controller makes a Local one per built-in group version
 * (pkg/controlplane/controller/crdregistration and apiserver's aggregator.go: groupPriorityMinimum
 * and versionPriority), and virt-operator registers KubeVirt's aggregated API
 * (pkg/virt-operator/resource/generate/components/apiservices.go: v1 and v1alpha3 of
 * subresources.kubevirt.io, served by the virt-api Service in the kubevirt namespace).
 */
import type { ClusterClient, KObject } from '../../runtime/client.js';
import { servedGroups } from '../../store/resources.js';

const RES = 'apiservices.apiregistration.k8s.io';

function apiService(group: string, version: string, service?: { namespace: string; name: string }): KObject {
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: {
      name: `${version}.${group}`,
      labels: service
        ? { 'app.kubernetes.io/component': 'kubevirt' }
        : { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' },
    },
    spec: {
      group,
      version,
      groupPriorityMinimum: service ? 1000 : 18000,
      versionPriority: 15,
      ...(service ? { service: { ...service, port: 443 }, insecureSkipTLSVerify: false } : {}),
    },
  };
}

export function ensureApiServices(client: ClusterClient, now: string): void {
  const wanted = servedGroups().flatMap((g) => g.versions.map((v) => apiService(g.group, v)));
  for (const v of ['v1', 'v1alpha3'])
    wanted.push(apiService('subresources.kubevirt.io', v, { namespace: 'kubevirt', name: 'virt-api' }));
  for (const obj of wanted) {
    if (client.tryGet(RES, undefined, obj.metadata.name ?? '')) continue;
    client.create(RES, obj, { fieldManager: 'kube-aggregator' });
    client.mutate(
      RES,
      undefined,
      obj.metadata.name ?? '',
      (o) => {
        o.status = {
          conditions: [
            {
              type: 'Available',
              status: 'True',
              lastTransitionTime: now,
              reason: (o.spec as { service?: unknown }).service ? 'Passed' : 'Local',
              message: (o.spec as { service?: unknown }).service
                ? 'all checks passed'
                : 'Local APIServices are always available',
            },
          ],
        };
      },
      { subresource: 'status' },
    );
  }
}
