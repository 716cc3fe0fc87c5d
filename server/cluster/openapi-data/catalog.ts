/**
 * KubeVirt's and CDI's published OpenAPI (swagger 2.0) documents and Kubernetes' own definitions of
 * its built-in kinds, each read once when first needed, and the definition of each kind: the GET
 * path of a KubeVirt or CDI kind (`/apis/G/V/[namespaces/{namespace}/]plural/{name}`) names the
 * definition it returns; a Kubernetes definition names its kind (x-kubernetes-group-version-kind).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Schema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  $ref?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [extension: string]: unknown;
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

interface PathItem {
  get?: { responses?: Record<string, { schema?: { $ref?: string } }> };
}

export interface SwaggerDoc {
  swagger: string;
  info: Record<string, unknown>;
  paths?: Record<string, PathItem>;
  definitions: Record<string, Schema>;
}

export type Source = 'kubevirt' | 'cdi' | 'kubernetes';

export interface KindSchema {
  group: string;
  version: string;
  kind: string;
  plural: string;
  source: Source;
  /** The definition's name in its document, e.g. "v1.VirtualMachine". */
  definition: string;
}

const FILES: Record<Source, string> = {
  kubevirt: 'kubevirt-swagger.json',
  cdi: 'cdi-swagger.json',
  kubernetes: 'kubernetes-swagger.json',
};
const docs = new Map<Source, SwaggerDoc>();

export function swaggerDoc(source: Source): SwaggerDoc {
  let d = docs.get(source);
  if (!d) {
    d = JSON.parse(readFileSync(join(import.meta.dirname, FILES[source]), 'utf8')) as SwaggerDoc;
    docs.set(source, d);
  }
  return d;
}

const GET_PATH = /^\/apis\/([^/]+)\/([^/]+)\/(?:namespaces\/\{namespace[^}]*\}\/)?([a-z]+)\/\{name[^}]*\}$/;

let kinds: KindSchema[] | undefined;

/** Every stored kind the two documents describe (one entry per group, version and kind). */
export function servedKinds(): KindSchema[] {
  if (kinds) return kinds;
  const out = new Map<string, KindSchema>();
  for (const source of ['kubevirt', 'cdi'] as const) {
    for (const [path, item] of Object.entries(swaggerDoc(source).paths ?? {})) {
      const m = GET_PATH.exec(path);
      const ref = item.get?.responses?.['200']?.schema?.$ref;
      if (!m || !ref) continue;
      const definition = ref.replace('#/definitions/', '');
      const kind = definition.slice(definition.lastIndexOf('.') + 1);
      const [, group, version, plural] = m;
      const key = `${group}/${version}/${kind}`;
      if (!out.has(key)) out.set(key, { group, version, kind, plural, source, definition });
    }
  }
  kinds = [...out.values()];
  return kinds;
}

let builtin: Map<string, KindSchema> | undefined;

/** A built-in kind's definition in Kubernetes' document (exact group, version and kind). */
export function builtinKindSchema(group: string, version: string, kind: string): KindSchema | undefined {
  if (!builtin) {
    builtin = new Map();
    for (const [definition, d] of Object.entries(swaggerDoc('kubernetes').definitions)) {
      for (const g of (d['x-kubernetes-group-version-kind'] ?? []) as Gvk[]) {
        const key = `${g.group}/${g.version}/${g.kind}`;
        if (!builtin.has(key)) builtin.set(key, { ...g, plural: '', source: 'kubernetes', definition });
      }
    }
  }
  return builtin.get(`${group}/${version}/${kind}`);
}

/**
 * The schema of a KubeVirt or CDI kind: the exact version, else another version of the same group
 * and kind; `builtin` looks up Kubernetes' own kinds after them.
 */
export function kindSchema(group: string, version: string, kind: string, builtin = false): KindSchema | undefined {
  const all = servedKinds();
  return (
    all.find((k) => k.group === group && k.version === version && k.kind === kind) ??
    all.find((k) => k.group === group && k.kind === kind) ??
    (builtin ? builtinKindSchema(group, version, kind) : undefined)
  );
}

/** Resolves a "#/definitions/X" reference within a document. */
export function resolve(source: Source, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 8; i++) {
    const target = swaggerDoc(source).definitions[s.$ref.replace('#/definitions/', '')];
    if (!target) return {};
    s = target;
  }
  return s;
}

/** The definition name a (possibly $ref) schema points at, or undefined. */
export function refName(schema: Schema): string | undefined {
  return schema.$ref?.replace('#/definitions/', '');
}
