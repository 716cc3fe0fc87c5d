/**
 * The real schemas in the OpenAPI documents the API server publishes: each kind's definition, and
 * every definition it reaches, from KubeVirt's and CDI's documents under a name prefixed per source
 * (the two reuse names such as "v1beta1.DataVolumeSpec"), from Kubernetes' under its own name
 * ("io.k8s.api.core.v1.Pod", as kube-apiserver publishes it), marked with its group, version and
 * kind (x-kubernetes-group-version-kind) so `kubectl explain vm.spec.runStrategy` and `kubectl
 * explain pod.spec.containers` find it.
 */
import { kindSchema, swaggerDoc, type Schema, type Source } from '../openapi-data/catalog.js';

const PREFIX: Record<Source, string> = { kubevirt: 'io.kubevirt.', cdi: 'io.kubevirt.cdi.', kubernetes: '' };

const V3_REF_BASE = '#/components/schemas/';

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/**
 * Copies a schema with its "#/definitions/X" references renamed for the target document. In v3 a
 * reference with siblings (a property's description) becomes `allOf: [{$ref}]` beside them, as
 * kube-apiserver's v3 documents write it: OpenAPI 3.0 ignores the siblings of a $ref, and so does
 * `kubectl explain`.
 */
function rename(v: unknown, source: Source, refBase: string): unknown {
  if (Array.isArray(v)) return v.map((x) => rename(x, source, refBase));
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] =
      k === '$ref' && typeof x === 'string'
        ? `${refBase}${PREFIX[source]}${x.replace('#/definitions/', '')}`
        : rename(x, source, refBase);
  }
  if (refBase === V3_REF_BASE && typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...siblings } = out;
    return { allOf: [{ $ref }], ...siblings };
  }
  return out;
}

/** Definitions reachable from `roots` (names in the source document). */
function reachable(source: Source, roots: string[]): string[] {
  const defs = swaggerDoc(source).definitions;
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name) || !defs[name]) continue;
    seen.add(name);
    const text = JSON.stringify(defs[name]);
    for (const m of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) todo.push(m[1]);
  }
  return [...seen].sort();
}

/** The real schema name of a kind in a published document, or undefined for kinds without one. */
export function publishedSchemaName(gvk: Gvk): string | undefined {
  const k = kindSchema(gvk.group, gvk.version, gvk.kind, true);
  return k ? PREFIX[k.source] + k.definition : undefined;
}

/**
 * The schemas of `kinds` (with the definitions they reach) for one document: `refBase` is
 * "#/components/schemas/" (v3) or "#/definitions/" (v2).
 */
export function publishedSchemas(kinds: Gvk[], refBase: string): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const roots = new Map<Source, string[]>();
  const gvks = new Map<string, Gvk[]>();
  for (const gvk of kinds) {
    const k = kindSchema(gvk.group, gvk.version, gvk.kind, true);
    if (!k) continue;
    roots.set(k.source, [...(roots.get(k.source) ?? []), k.definition]);
    const name = PREFIX[k.source] + k.definition;
    gvks.set(name, [...(gvks.get(name) ?? []), gvk]);
  }
  for (const [source, names] of roots) {
    const defs = swaggerDoc(source).definitions;
    for (const def of reachable(source, names)) {
      out[PREFIX[source] + def] = rename(defs[def], source, refBase) as Schema;
    }
  }
  for (const [name, list] of gvks) out[name] = { ...out[name], 'x-kubernetes-group-version-kind': list };
  return out;
}
