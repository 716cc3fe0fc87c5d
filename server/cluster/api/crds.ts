/**
 * Read-only CustomResourceDefinitions for the custom kinds, generated from the registry, as a
 * cluster with KubeVirt and CDI installed lists them (kubectl consults them before reporting
 * "no matches for kind").
 */
import { createHash } from 'node:crypto';
import { RESOURCES, errors, type KObject, type ResourceInfo } from '../store/index.js';
import type { Ctx } from './context.js';
import { encodeList, encodeOne, negotiate } from './encode.js';
import { sendJsonText } from './http-util.js';

const CREATED = '2024-01-01T00:00:00Z';

function uid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function crdOf(r: ResourceInfo): KObject {
  const name = `${r.plural}.${r.group}`;
  const names = {
    kind: r.kind,
    listKind: `${r.kind}List`,
    plural: r.plural,
    singular: r.singular,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name, uid: uid(name), resourceVersion: '1', generation: 1, creationTimestamp: CREATED },
    spec: {
      group: r.group,
      names,
      scope: r.namespaced ? 'Namespaced' : 'Cluster',
      versions: r.versions.map((v, i) => ({
        name: v,
        served: true,
        storage: i === 0,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        ...(r.hasStatus ? { subresources: { status: {} } } : {}),
        ...(r.columns?.length ? { additionalPrinterColumns: r.columns } : {}),
      })),
      conversion: { strategy: 'None' },
    },
    status: {
      acceptedNames: names,
      storedVersions: [r.versions[0]],
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
          lastTransitionTime: CREATED,
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: CREATED,
        },
      ],
    },
  };
}

let cache: KObject[] | undefined;
export function customResourceDefinitions(): KObject[] {
  cache ??= RESOURCES.filter((r) => r.custom)
    .map(crdOf)
    .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  return cache;
}

export function handleCrds(c: Ctx): void {
  const out = negotiate(c.req.headers.accept);
  const all = customResourceDefinitions();
  if (c.ri.verb === 'get') {
    const crd = all.find((o) => o.metadata.name === c.ri.name);
    if (!crd) throw errors.notFound(c.info.group, c.info.plural, c.ri.name ?? '');
    sendJsonText(c.res, 200, encodeOne(crd, c.info, c.ri.version, out, c.query));
    return;
  }
  if (c.ri.verb !== 'list') throw errors.methodNotAllowed();
  sendJsonText(c.res, 200, encodeList(all, c.info, c.ri.version, { resourceVersion: '1' }, out, c.query));
}
