/**
 * KubeVirt's and CDI's CustomResourceDefinitions for a real kube-apiserver: names, scope,
 * subresources and printer columns from the embedded cluster's resource registry (so both
 * backends serve the same resources), and each version's openAPIV3Schema made structural from
 * the projects' published OpenAPI descriptions (test/fixtures/openapi, the definitions that
 * KubeVirt's and CDI's CRD schemas are generated from).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RESOURCES, type KObject, type ResourceInfo } from '../cluster/store/index.js';

type Schema = Record<string, unknown>;
interface Swagger {
  definitions: Record<string, Schema>;
}

const QUANTITY = 'k8s.io.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'k8s.io.apimachinery.pkg.util.intstr.IntOrString';
const OBJECT_META = 'k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const intOrString = (): Schema => ({
  anyOf: [{ type: 'integer' }, { type: 'string' }],
  'x-kubernetes-int-or-string': true,
});
const KEEP = ['description', 'type', 'format', 'enum', 'required', 'minimum', 'maximum', 'pattern'];

/** Converts one swagger 2.0 schema (with $refs into `defs`) into a structural schema. */
export function structural(s: Schema, defs: Record<string, Schema>, seen: string[] = []): Schema {
  const ref = typeof s.$ref === 'string' ? s.$ref.replace('#/definitions/', '') : undefined;
  if (ref) {
    const desc = typeof s.description === 'string' ? { description: s.description } : {};
    if (ref === QUANTITY || ref === INT_OR_STRING) return { ...desc, ...intOrString() };
    // An embedded ObjectMeta (a template's metadata) is kept as given, as KubeVirt's CRDs do.
    if (ref === OBJECT_META)
      return { ...desc, type: 'object', nullable: true, 'x-kubernetes-preserve-unknown-fields': true };
    const target = defs[ref];
    // A recursive type (none in KubeVirt's API today) is cut off where it repeats.
    if (!target || seen.includes(ref)) return { ...desc, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    return { ...structural(target, defs, [...seen, ref]), ...desc };
  }
  const out: Schema = {};
  for (const k of KEEP) if (s[k] !== undefined) out[k] = s[k];
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t) => t !== 'null');
    if (types.length < s.type.length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else return { ...(s.description ? { description: s.description } : {}), ...intOrString() };
  }
  if (s.format === 'int-or-string')
    return { ...(s.description ? { description: s.description } : {}), ...intOrString() };
  if (s.properties && typeof s.properties === 'object') {
    out.type ??= 'object';
    out.properties = Object.fromEntries(
      Object.entries(s.properties as Record<string, Schema>).map(([k, v]) => [k, structural(v, defs, seen)]),
    );
  }
  if (s.items && typeof s.items === 'object') {
    out.type ??= 'array';
    out.items = structural(s.items as Schema, defs, seen);
    listType(s, out);
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    out.type ??= 'object';
    out.additionalProperties = structural(s.additionalProperties as Schema, defs, seen);
  }
  if (s['x-kubernetes-map-type'] === 'atomic' && out.type === 'object') out['x-kubernetes-map-type'] = 'atomic';
  // An object with neither properties nor a value schema (RawExtension, FieldsV1) keeps what it is given.
  if (out.type === 'object' && !out.properties && !out.additionalProperties)
    out['x-kubernetes-preserve-unknown-fields'] = true;
  if (!out.type && !out['x-kubernetes-preserve-unknown-fields']) out['x-kubernetes-preserve-unknown-fields'] = true;
  return out;
}

/** Keeps list-type markers only where kube-apiserver accepts them (map keys required, set of scalars). */
function listType(s: Schema, out: Schema): void {
  const t = s['x-kubernetes-list-type'];
  const items = out.items as Schema;
  if (t === 'atomic') out['x-kubernetes-list-type'] = t;
  if (t === 'set' && items.type !== 'object' && items.type !== 'array') out['x-kubernetes-list-type'] = t;
  const keys = s['x-kubernetes-list-map-keys'];
  if (t === 'map' && Array.isArray(keys) && items.type === 'object') {
    const required = Array.isArray(items.required) ? items.required : [];
    if (keys.every((k) => required.includes(k))) {
      out['x-kubernetes-list-type'] = 'map';
      out['x-kubernetes-list-map-keys'] = keys;
    }
  }
}

/** The root schema of a kind: apiVersion, kind and metadata as every CRD has them. */
export function rootSchema(def: Schema, defs: Record<string, Schema>): Schema {
  const s = structural(def, defs);
  const props = { ...(s.properties as Record<string, Schema>) };
  props.metadata = { type: 'object' };
  return { ...s, type: 'object', properties: props };
}

function crdFor(r: ResourceInfo, definition: (r: ResourceInfo, version: string) => Schema | undefined): KObject {
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
    metadata: {
      name: `${r.plural}.${r.group}`,
      // kube-apiserver protects *.k8s.io groups: their CRDs carry the API review's approval (external-snapshotter's)
      ...(/\.k8s\.io$|\.kubernetes\.io$/.test(r.group)
        ? {
            annotations: {
              'api-approved.kubernetes.io': 'https://github.com/kubernetes-csi/external-snapshotter/pull/814',
            },
          }
        : {}),
    },
    spec: {
      group: r.group,
      names,
      scope: r.namespaced ? 'Namespaced' : 'Cluster',
      versions: r.versions.map((v, i) => ({
        name: v,
        served: true,
        storage: i === 0,
        schema: {
          openAPIV3Schema: definition(r, v) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
        ...(r.hasStatus || r.scale
          ? {
              subresources: {
                ...(r.hasStatus ? { status: {} } : {}),
                // The /scale KubeVirt's CRDs declare (virt-operator's crds.go): replicas and the selector.
                ...(r.scale
                  ? {
                      scale: {
                        specReplicasPath: '.spec.replicas',
                        statusReplicasPath: '.status.replicas',
                        labelSelectorPath: '.status.labelSelector',
                      },
                    }
                  : {}),
              },
            }
          : {}),
        ...(r.columns?.length ? { additionalPrinterColumns: r.columns } : {}),
      })),
    },
  };
}

/** Where the project keeps the published OpenAPI descriptions (test/fixtures/openapi). */
export function openapiDir(from: string): string {
  return path.resolve(from, 'test', 'fixtures', 'openapi');
}

/**
 * One CRD per custom resource of the registry. A kind that KubeVirt's or CDI's description has
 * gets its real schema; the others (NetworkAttachmentDefinition, Route) keep any fields.
 */
export function stackCrds(projectRoot: string): KObject[] {
  const dir = openapiDir(projectRoot);
  const load = (f: string) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Swagger).definitions;
  const kubevirt = load('kubevirt-swagger.json');
  const cdi = load('cdi-swagger.json');
  const definition = (r: ResourceInfo, version: string): Schema | undefined => {
    const defs = r.group === 'cdi.kubevirt.io' ? cdi : r.group.endsWith('kubevirt.io') ? kubevirt : undefined;
    const def = defs?.[`${version}.${r.kind}`];
    return defs && def ? rootSchema(def, defs) : undefined;
  };
  return RESOURCES.filter((r) => r.custom && !r.virtual).map((r) => crdFor(r, definition));
}
