/**
 * The OpenAPI v3 documents: every kind accepts the `fieldValidation` parameter (so kubectl validates
 * server-side) and the patch types it accepts; KubeVirt's and CDI's kinds carry their real schemas
 * (openapi-schemas.ts) as do the built-in kinds (Kubernetes' own definitions), the others a
 * permissive placeholder. /openapi/v2 (JSON) carries the real schemas too; kubectl asks for it as
 * protobuf, which gets an empty document (see server.ts).
 */
import { createHash } from 'node:crypto';
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../store/index.js';
import { publishedSchemaName, publishedSchemas } from './openapi-schemas.js';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function groupVersions(): { group: string; version: string }[] {
  const out = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) for (const v of r.versions) out.set(`${r.group}/${v}`, { group: r.group, version: v });
  return [...out.values()];
}

const docs = new Map<string, string>();

function schemaName(r: ResourceInfo, version: string): string {
  const g = r.group ? r.group.split('.').reverse().join('.') : 'io.k8s.api.core';
  return `${g}.${version}.${r.kind}`;
}

const PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
}));

function buildDoc(group: string, version: string): string {
  const paths: Record<string, unknown> = {};
  const served = RESOURCES.filter((r) => r.group === group && r.versions.includes(version));
  const schemas: Record<string, unknown> = publishedSchemas(
    served.map((r) => ({ group, version, kind: r.kind })),
    '#/components/schemas/',
  );
  for (const r of served) {
    const gvk = { group, version, kind: r.kind };
    const published = publishedSchemaName(gvk);
    const ref = { $ref: `#/components/schemas/${published ?? schemaName(r, version)}` };
    if (!published)
      schemas[schemaName(r, version)] = {
        type: 'object',
        'x-kubernetes-group-version-kind': [gvk],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { type: 'object' },
          spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
        'x-kubernetes-preserve-unknown-fields': true,
      };
    const base = `/${gvPath(group, version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;
    const ok = { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } };
    const patchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
    // built-in kinds take strategic merge patches: kubectl apply computes one from this document
    // (patcher.go, gvkSupportsPatchOpenAPIV3) and needs /openapi/v2 only without it
    if (!r.custom) patchTypes.push('application/strategic-merge-patch+json');
    const op = (id: string, extra: Record<string, unknown> = {}) => ({
      operationId: `${id}${r.kind}`,
      'x-kubernetes-action': id,
      'x-kubernetes-group-version-kind': gvk,
      parameters: PARAMS,
      responses: ok,
      ...extra,
    });
    if (r.verbs.includes('create')) {
      paths[base] = {
        post: op('create', {
          requestBody: { content: { 'application/json': { schema: ref }, 'application/yaml': { schema: ref } } },
        }),
      };
    }
    if (r.verbs.includes('get')) {
      paths[`${base}/{name}`] = {
        get: op('read'),
        put: op('replace', { requestBody: { content: { 'application/json': { schema: ref } } } }),
        patch: op('patch', {
          requestBody: { content: Object.fromEntries(patchTypes.map((t) => [t, { schema: { type: 'object' } }])) },
        }),
        delete: op('delete'),
      };
    }
  }
  return JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas },
  });
}

/**
 * kubectl checks an unknown kind against the CRD kind's document (apiextensions.k8s.io/v1) before
 * it reports "no matches for kind": publish that document (CRDs themselves are not served).
 */
const CRD_DOC = JSON.stringify({
  openapi: '3.0.0',
  info: { title: 'Kubernetes', version: 'v1.32.0' },
  paths: {
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{name}': {
      patch: {
        operationId: 'patchCustomResourceDefinition',
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': {
          group: 'apiextensions.k8s.io',
          version: 'v1',
          kind: 'CustomResourceDefinition',
        },
        parameters: PARAMS,
        requestBody: { content: { 'application/merge-patch+json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  components: { schemas: {} },
});

let v2: string | undefined;

/** /openapi/v2 as JSON: the real schemas of KubeVirt's and CDI's kinds, as swagger 2.0 definitions. */
export function openApiV2(): string {
  v2 ??= JSON.stringify({
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: {},
    definitions: publishedSchemas(
      RESOURCES.flatMap((r) => r.versions.map((version) => ({ group: r.group, version, kind: r.kind }))),
      '#/definitions/',
    ),
  });
  return v2;
}

/** The /openapi/v3 index. */
export function openApiIndex(): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    'apis/apiextensions.k8s.io/v1': {
      serverRelativeURL: `/openapi/v3/apis/apiextensions.k8s.io/v1?hash=${createHash('sha512').update(CRD_DOC).digest('hex').slice(0, 64).toUpperCase()}`,
    },
  };
  for (const { group, version } of groupVersions()) {
    const doc = openApiDoc(group, version)!;
    const h = createHash('sha512').update(doc).digest('hex').slice(0, 64).toUpperCase();
    paths[gvPath(group, version)] = { serverRelativeURL: `/openapi/v3/${gvPath(group, version)}?hash=${h}` };
  }
  return { paths };
}

/** The document for /openapi/v3/apis/G/V (or /openapi/v3/api/v1), or undefined. */
export function openApiDoc(group: string, version: string): string | undefined {
  if (group === 'apiextensions.k8s.io' && version === 'v1') return CRD_DOC;
  if (!RESOURCES.some((r) => r.group === group && r.versions.includes(version))) return undefined;
  const key = `${group}/${version}`;
  let d = docs.get(key);
  if (!d) {
    d = buildDoc(group, version);
    docs.set(key, d);
  }
  return d;
}

export { apiVersionOf };
