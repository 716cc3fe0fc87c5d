/** What every namespace gets from kube-controller-manager: the `default` ServiceAccount and kube-root-ca.crt. */
import { ResourceKey, isConflict, type KObject } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import { errorFields } from '../../log.js';

const CA =
  '-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2Vy\n-----END CERTIFICATE-----\n';

export function ensureNamespaceDefaults(ctx: ControllerContext, ns: KObject): void {
  const name = ns.metadata.name ?? '';
  if (ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
  const { client } = ctx;
  const create = (res: string, obj: KObject) => {
    if (client.tryGet(res, name, obj.metadata.name ?? '')) return;
    try {
      client.create(res, obj, { fieldManager: 'kube-controller-manager' });
    } catch (err) {
      if (!isConflict(err)) ctx.log(`namespace defaults for ${name}`, errorFields(err));
    }
  };
  create(ResourceKey.serviceAccounts, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'default', namespace: name },
  });
  create(ResourceKey.configMaps, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-root-ca.crt',
      namespace: name,
      annotations: {
        'kubernetes.io/description':
          'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
      },
    },
    data: { 'ca.crt': CA },
  });
}
